/**
 * Styles of the inline controls. They live inside our shadow root, so the page's CSS cannot
 * reach them and ours cannot leak out. System fonts only: the page must not fetch anything.
 * One line per code, so three codes take about 110 px above the mail. Colours are variables, dark
 * under data-theme="dark" (set from the page's own background, else from prefers-color-scheme: utils/capture/theme.ts).
 */
const LIGHT = `--fg: #1f2937; --strong: #111827; --muted: #4b5563; --faint: #6b7280; --bg: #fff; --line: #e5e7eb; --line2: #f1f2f4;
  --chip: #f3f4f6; --hover: #f1f5f9; --warn: #b45309; --warn-bg: #fffbeb; --warn-fg: #92400e; --warn-line: #fde68a;
  --btn: #111827; --btn-fg: #fff; --btn-hover: #374151; --ok: #047857; --err: #b91c1c; --focus: #7c3aed; --quoted: #6d28d9; --quoted-bg: #f5f3ff;`;
const DARK = `--fg: #e5e7eb; --strong: #f9fafb; --muted: #c4c9d2; --faint: #9ca3af; --bg: #1f2023; --line: #3c4043; --line2: #2d2f33;
  --chip: #2d2f33; --hover: #2a2c30; --warn: #fbbf24; --warn-bg: #3a2f12; --warn-fg: #fde68a; --warn-line: #5b4a1c;
  --btn: #e8eaed; --btn-fg: #111827; --btn-hover: #fff; --ok: #6ee7b7; --err: #fca5a5; --focus: #a78bfa; --quoted: #c4b5fd; --quoted-bg: #2e2742;`;

/** An SVG as a CSS url(): the bar's pictures live in this stylesheet, which the background serves, not in the mail scripts. */
const svgUrl = (body: string, viewBox: string) =>
  `url("data:image/svg+xml,${encodeURIComponent(`<svg xmlns='http://www.w3.org/2000/svg' viewBox='${viewBox}'>${body}</svg>`)}")`;
/** The product mark (see public/icon/icon.svg), drawn small; its tile is lighter in dark pages. */
const LOGO = (tile: string) =>
  svgUrl(
    `<rect x='1' y='1' width='22' height='22' rx='6' fill='${tile}'/>` +
      `<path d='M10 6.5 8.5 17.5M15.5 6.5 14 17.5M6.5 10h11M6 14h11' stroke='#fff' stroke-width='1.8' stroke-linecap='round' fill='none'/>` +
      `<circle cx='18.5' cy='18.5' r='3.5' fill='#FE2C55'/>`,
    '0 0 24 24',
  );
/** The "Saved" tick, a mask painted in the text's colour. */
const TICK = svgUrl(
  `<path d='M3 8.5 6.5 12 13 4.5' stroke='#000' stroke-width='2' fill='none' stroke-linecap='round' stroke-linejoin='round'/>`,
  '0 0 16 16',
);

export const CONTROL_CSS = `
:host { all: initial; display: block; margin: 6px 0 10px; max-width: 720px; contain: content; ${LIGHT} }
:host([data-theme="dark"]) { ${DARK} }
:host([data-ad-code-keeper="chat"]) { max-width: 520px; margin: 6px 0 10px; }
.bar { font: 13px/1.35 "Google Sans Text", "Google Sans", Roboto, "Segoe UI", system-ui, -apple-system, sans-serif;
  color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 10px;
  box-shadow: 0 1px 2px rgba(17,24,39,.06); overflow: hidden; }
.head { display: flex; align-items: center; gap: 8px; min-height: 26px; padding: 0 6px 0 10px; border-bottom: 1px solid var(--line2);
  background: linear-gradient(90deg, rgba(37,244,238,.08), rgba(124,58,237,.06) 45%, rgba(254,44,85,.07)); }
.logo { width: 16px; height: 16px; flex: none; background: ${LOGO('#111827')} center / contain no-repeat; }
:host([data-theme="dark"]) .logo { background-image: ${LOGO('#3c4043')}; }
.title { font-weight: 600; font-size: 12.5px; color: var(--strong); white-space: nowrap; }
.sub { color: var(--faint); font-size: 12px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; min-width: 0; }
.spacer { flex: 1; }
.row { padding: 0 6px 0 10px; outline: none; }
.row + .row { border-top: 1px solid var(--line2); }
.row:hover, .row:focus-within { background: var(--hover); }
.row:focus-visible { box-shadow: inset 3px 0 0 var(--focus); }
.line { display: flex; align-items: center; gap: 8px; min-height: 26px; }
.code { font: 12px/1.3 ui-monospace, "Roboto Mono", SFMono-Regular, Menlo, Consolas, monospace; color: var(--strong);
  background: var(--chip); border-radius: 5px; padding: 2px 6px; white-space: nowrap; flex: none; }
.info { min-width: 0; flex: 1; display: flex; align-items: baseline; gap: 6px; white-space: nowrap; overflow: hidden; font-size: 12px; }
.info > span { overflow: hidden; text-overflow: ellipsis; }
.context { color: var(--strong); font-weight: 600; flex: none; max-width: 32%; }
.detail { color: var(--muted); flex: 0 1 auto; }
.detail .warn { color: var(--warn); }
.earlier { color: var(--quoted); background: var(--quoted-bg); border-radius: 999px; padding: 0 7px; flex: none; font-size: 11.5px; }
.how { color: var(--faint); flex: 1 1 0; min-width: 40px; }
.how.est { color: var(--warn); }
.include { display: inline-flex; align-items: center; gap: 3px; color: var(--faint); font-size: 11.5px; flex: none; cursor: pointer; }
.include input { margin: 0; accent-color: var(--focus); }
.chips, .ask { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; margin: 0 0 4px; font-size: 12px; color: var(--muted); }
.chip, .today { padding: 1px 9px; font-size: 12px; background: var(--bg); color: var(--strong); border-color: var(--line); }
.chip[aria-pressed="true"] { background: var(--btn); color: var(--btn-fg); }
.ask { padding: 4px 10px; margin: 0; background: var(--warn-bg); color: var(--warn-fg); gap: 8px; }
.ask input { font: inherit; margin-left: 6px; color-scheme: light dark; }
button { font: inherit; font-weight: 600; font-size: 12px; line-height: 16px; cursor: pointer; border-radius: 999px; padding: 2px 12px;
  border: 1px solid transparent; white-space: nowrap; transition: background-color .15s, box-shadow .15s; flex: none; }
button:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.save { background: var(--btn); color: var(--btn-fg); }
.save:hover { background: var(--btn-hover); }
.save[aria-busy="true"] { opacity: .7; cursor: progress; }
.all { background: var(--bg); color: var(--strong); border-color: var(--line); }
.all:hover { background: var(--hover); border-color: var(--faint); }
.saved { display: inline-flex; align-items: center; gap: 4px; color: var(--ok); font-weight: 600; font-size: 12px; white-space: nowrap; padding: 3px 4px; flex: none; }
.saved::before { content: ""; width: 14px; height: 14px; background: currentColor; -webkit-mask: ${TICK} center / contain no-repeat; mask: ${TICK} center / contain no-repeat; }
.error { color: var(--err); font-size: 12px; padding: 0 10px 6px; }
.error:empty { display: none; }
.clipped { display: flex; align-items: center; gap: 10px; padding: 4px 6px 4px 10px; background: var(--warn-bg); color: var(--warn-fg); font-size: 12.5px; border-top: 1px solid var(--warn-line); }
.clipped:first-child { border-top: 0; }
.clipped span { flex: 1; }
.open { background: var(--bg); color: var(--warn-fg); border-color: var(--warn-line); }
.open:hover { background: var(--warn-bg); }
`;
