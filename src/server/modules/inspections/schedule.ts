/**
 * Spreading a plan's visits over its period (pure): the weekdays between the first and last day,
 * visits evenly spaced over them in the given order; a period without weekdays uses every day.
 */
const dayMs = 86_400_000;

function parse(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

export function daysBetween(startsOn: string, endsOn: string): string[] {
  const out: string[] = [];
  for (let t = parse(startsOn); t <= parse(endsOn); t += dayMs) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

export function spreadOver(count: number, startsOn: string, endsOn: string): string[] {
  if (count <= 0) return [];
  const all = daysBetween(startsOn, endsOn);
  const weekdays = all.filter((d) => {
    const w = new Date(parse(d)).getUTCDay();
    return w !== 0 && w !== 6;
  });
  const days = weekdays.length > 0 ? weekdays : all;
  return Array.from({ length: count }, (_, i) => days[Math.floor((i * days.length) / count)]);
}
