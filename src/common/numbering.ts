/** Document numbers (编号) given at registration (入库) and when a notice is issued; one sequence per scope and year. */

/** An issue's number, per town/park and year: 310112114-2026-0007. */
export function issueNumber(townCode: string, year: number, seq: number): string {
  return `${townCode}-${year}-${String(seq).padStart(4, '0')}`;
}

/** A rectification notice's number, per district and year: 闵环管整改〔2026〕0012号 (the district's first character). */
export function noticeNumber(districtName: string, year: number, seq: number): string {
  return `${districtName.slice(0, 1)}环管整改〔${year}〕${String(seq).padStart(4, '0')}号`;
}
