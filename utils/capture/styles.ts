/**
 * Styles of the inline controls. They live inside our shadow root, so the page's CSS cannot
 * reach them and ours cannot leak out. System fonts only: the page must not fetch anything.
 */
export const CONTROL_CSS = `
:host { all: initial; display: block; margin: 8px 0 12px; max-width: 720px; contain: content; }
:host([data-ad-code-keeper="chat"]) { max-width: 520px; margin: 6px 0 10px; }
.bar { font: 13px/1.4 "Google Sans Text", "Google Sans", Roboto, "Segoe UI", system-ui, -apple-system, sans-serif;
  color: #1f2937; background: #fff; border: 1px solid #e5e7eb; border-radius: 12px;
  box-shadow: 0 1px 2px rgba(17,24,39,.06); overflow: hidden; }
.head { display: flex; align-items: center; gap: 8px; padding: 8px 10px 8px 12px; background: linear-gradient(90deg, rgba(37,244,238,.08), rgba(124,58,237,.06) 45%, rgba(254,44,85,.07)); border-bottom: 1px solid #eef0f3; }
.logo { width: 18px; height: 18px; flex: none; }
.title { font-weight: 600; font-size: 12.5px; color: #111827; }
.sub { color: #6b7280; font-size: 12px; }
.spacer { flex: 1; }
.row { display: flex; align-items: center; gap: 12px; padding: 8px 10px 8px 12px; }
.row + .row { border-top: 1px solid #f1f2f4; }
.code { font: 12.5px/1.3 ui-monospace, "Roboto Mono", SFMono-Regular, Menlo, Consolas, monospace; color: #111827;
  background: #f3f4f6; border-radius: 6px; padding: 3px 7px; white-space: nowrap; }
.info { min-width: 0; flex: 1; display: flex; flex-direction: column; gap: 1px; }
.detail { color: #4b5563; font-size: 12px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.detail .warn { color: #b45309; }
.how { color: #374151; font-size: 12px; }
.how.est { color: #b45309; }
.chips, .ask { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; margin-top: 3px; font-size: 12px; color: #4b5563; }
.chip, .today { padding: 2px 9px; font-size: 12px; background: #fff; color: #111827; border-color: #d1d5db; }
.chip[aria-pressed="true"] { background: #111827; color: #fff; }
.ask { padding: 6px 12px 8px; margin: 0; background: #fffbeb; color: #92400e; gap: 8px; }
.ask input { font: inherit; margin-left: 6px; }
button { font: inherit; font-weight: 600; font-size: 12.5px; cursor: pointer; border-radius: 999px; padding: 6px 14px;
  border: 1px solid transparent; white-space: nowrap; transition: background-color .15s, box-shadow .15s; }
button:focus-visible { outline: 2px solid #7c3aed; outline-offset: 2px; }
.save { background: #111827; color: #fff; }
.save:hover { background: #374151; }
.save[aria-busy="true"] { background: #6b7280; cursor: progress; }
.all { background: #fff; color: #111827; border-color: #d1d5db; }
.all:hover { background: #f9fafb; border-color: #9ca3af; }
.saved { display: inline-flex; align-items: center; gap: 5px; color: #047857; font-weight: 600; font-size: 12.5px; white-space: nowrap; padding: 6px 4px; }
.saved svg { width: 16px; height: 16px; }
.error { color: #b91c1c; font-size: 12px; padding: 0 12px 8px; }
.error:empty { display: none; }
.clipped { display: flex; align-items: center; gap: 10px; padding: 8px 10px 8px 12px; background: #fffbeb; color: #92400e; font-size: 12.5px; border-top: 1px solid #fde68a; }
.clipped:first-child { border-top: 0; }
.clipped span { flex: 1; }
.open { background: #fff; color: #92400e; border-color: #fcd34d; }
.open:hover { background: #fef3c7; }
`;
