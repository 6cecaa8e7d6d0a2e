import { Fragment } from 'react';

function escape(word: string) {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The whitespace-separated words of a search, as the server matches them. */
export function searchWords(q: string | null | undefined): string[] {
  return (q ?? '').trim().split(/\s+/).filter(Boolean);
}

/** Text with every occurrence of the words (case-insensitive) marked. */
export function Highlight({ text, words }: { text: string; words: string[] }) {
  if (words.length === 0) return <>{text}</>;
  const pattern = new RegExp(`(${[...words].sort((a, b) => b.length - a.length).map(escape).join('|')})`, 'gi');
  const lower = words.map((w) => w.toLowerCase());
  return (
    <>
      {text.split(pattern).map((part, i) =>
        lower.includes(part.toLowerCase()) ? (
          <mark key={i} className="es-kn-mark">
            {part}
          </mark>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
