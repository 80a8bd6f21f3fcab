import { createHash } from 'node:crypto';
import { DOCS_SCRIPT } from './page-script.ts';

const STYLE = `
:root { color-scheme: light; --fg: #1b1b1b; --muted: #4a4a4a; --line: #d4d4d4; --bg-soft: #f5f6f8; --link: #0b57a4; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--fg); background: #fff; }
a { color: var(--link); }
a:focus-visible, input:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
code { font: 0.9em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--bg-soft); padding: 0 0.25em; border-radius: 3px; overflow-wrap: anywhere; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: 0.5rem; z-index: 1; }
header { padding: 1rem 1.5rem; border-bottom: 1px solid var(--line); }
header h1 { margin: 0 0 0.25rem; font-size: 1.6rem; }
header p { margin: 0.25rem 0; }
.layout { display: grid; grid-template-columns: minmax(14rem, 20rem) 1fr; }
nav { border-right: 1px solid var(--line); padding: 1rem; position: sticky; top: 0; max-height: 100vh; overflow: auto; font-size: 0.9rem; }
nav h2 { font-size: 1rem; margin-top: 0; }
nav ul { list-style: none; padding-left: 0.75rem; margin: 0.25rem 0; }
nav > ul { padding-left: 0; }
main { padding: 1rem 1.5rem 4rem; min-width: 0; }
.search label { font-weight: 600; margin-right: 0.5rem; }
.search input { font: inherit; padding: 0.35rem 0.5rem; width: min(30rem, 100%); border: 1px solid #767676; border-radius: 4px; }
#status { color: var(--muted); }
#status.error { color: #b3261e; font-weight: 600; }
section.tag > h2 { border-bottom: 2px solid var(--line); padding-bottom: 0.25rem; margin-top: 2rem; }
section.op { border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem 1rem; margin: 1rem 0; }
section.op h3 { margin: 0 0 0.25rem; font-size: 1.05rem; }
section.op h4 { margin: 0.75rem 0 0.25rem; font-size: 0.95rem; }
.method { display: inline-block; min-width: 4.2em; text-align: center; color: #fff; border-radius: 4px; padding: 0 0.4em; font: 700 0.85em/1.6 ui-monospace, monospace; }
.m-get { background: #1d5fa7; } .m-post { background: #1e7a3c; } .m-put { background: #8a5a00; } .m-patch { background: #6b4fa8; } .m-delete { background: #b3261e; }
.summary { font-weight: 600; margin: 0.25rem 0; }
.en { color: var(--muted); }
.en::before { content: "/ "; }
.meta { color: var(--muted); font-size: 0.9rem; margin: 0.25rem 0; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; font-size: 0.95rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: var(--bg-soft); }
.schema, ul.props, ol.alts { font-size: 0.95rem; }
ul.props, ol.alts { margin: 0.25rem 0; padding-left: 1.25rem; }
ul.props { list-style: none; border-left: 2px solid var(--line); padding-left: 0.75rem; }
.name { font-weight: 700; background: none; padding: 0; }
.req { margin-left: 0.4em; font-size: 0.8em; color: #8a1c14; border: 1px solid currentColor; border-radius: 3px; padding: 0 0.3em; }
.fact { margin-left: 0.5em; font-size: 0.85em; color: var(--muted); }
.desc { color: var(--muted); }
dl.responses dt { margin-top: 0.4rem; font-weight: 600; }
dl.responses dd { margin-left: 1rem; }
[hidden] { display: none !important; }
@media (max-width: 50rem) { .layout { display: block; } nav { position: static; max-height: none; border-right: 0; border-bottom: 1px solid var(--line); } }
`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The readable API documentation: one self-contained HTML page (no CDN, no dependency) whose script
 * renders /api/openapi.json, Vietnamese first. The CSP allows exactly its own inline script and style
 * (by hash) and requests to its own origin.
 */
export const DOCS_PAGE = {
  html: `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chỉ số API: tài liệu / documentation</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Bỏ qua mục lục / Skip to content</a>
<header>
<h1 id="title">Chỉ số API</h1>
<p id="description"></p>
<p>Bản máy đọc / Machine-readable: <a href="openapi.json">openapi.json</a> (OpenAPI 3.1)</p>
</header>
<div class="layout">
<nav id="toc" aria-label="Mục lục / Contents"></nav>
<main id="main" tabindex="-1">
<p class="search"><label for="filter">Lọc / Filter</label><input id="filter" type="search" autocomplete="off" placeholder="criteria, publish, POST…"></p>
<p id="status" role="status" aria-live="polite">Đang tải… / Loading…</p>
<noscript><p>Trang này cần JavaScript. / This page needs JavaScript. Tài liệu gốc / The document itself: <a href="openapi.json">openapi.json</a></p></noscript>
<div id="content"></div>
</main>
</div>
<script>${DOCS_SCRIPT}</script>
</body>
</html>
`,
  contentSecurityPolicy: [
    "default-src 'none'",
    `script-src ${sha256(DOCS_SCRIPT)}`,
    `style-src ${sha256(STYLE)}`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
};
