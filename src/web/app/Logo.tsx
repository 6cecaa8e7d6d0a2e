/** The product mark: a leaf in a circle. */
export function Logo({ size = 26, inverted = false }: { size?: number; inverted?: boolean }) {
  const bg = inverted ? '#2f8f5b' : '#ffffff';
  const fg = inverted ? '#ffffff' : '#2f8f5b';
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="15" fill={bg} />
      <path d="M9 21c0-7.5 6.2-12 14-12-.8 7.6-5.4 13.4-12 13.4L9 21z" fill={fg} />
      <path d="M9.5 22.5c3-3.6 6-6 9.5-8" stroke={bg} strokeWidth="1.4" fill="none" strokeLinecap="round" />
    </svg>
  );
}
