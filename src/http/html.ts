/**
 * Server-rendered HTML with escaping by default: every interpolation is escaped unless it is a
 * `SafeHtml` produced by this module. No template engine needed for a handful of pages.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

type Part = SafeHtml | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(part);
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): SafeHtml {
  let out = strings[0] ?? '';
  parts.forEach((p, i) => {
    out += render(p) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

export const STYLE = `
:root{--fg:#1d2330;--muted:#5b6475;--bg:#f6f7f9;--card:#fff;--line:#dde1e8;--accent:#2454d6;--ok:#18794e;--warn:#9a5b00;--bad:#b42318}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header{background:#111827;color:#fff;padding:.75rem 1.25rem;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
header a{color:#fff;text-decoration:none}header .brand{font-weight:700;letter-spacing:.02em}
main{max-width:1100px;margin:0 auto;padding:1.25rem}
h1{font-size:1.4rem;margin:.2rem 0 1rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:1rem;margin-bottom:1rem}.card>h1:first-child,.card>h2:first-child{margin-top:0}
table{width:100%;border-collapse:collapse;background:var(--card)}th,td{text-align:left;padding:.5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:.8rem;text-transform:uppercase;color:var(--muted);letter-spacing:.03em}
.table-wrap{overflow-x:auto;border:1px solid var(--line);border-radius:8px}
button,.button{display:inline-block;font:inherit;padding:.4rem .8rem;border-radius:6px;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer;text-decoration:none}
button.secondary,.button.secondary{background:#fff;color:var(--accent)}button.danger{background:var(--bad);border-color:var(--bad)}
button:focus-visible,a:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #9db6ff;outline-offset:1px}
form.inline{display:inline}label{display:block;font-weight:600;margin:.6rem 0 .2rem}
input[type=text],input[type=password],input[type=email],input[type=search],input[type=url],select,textarea{width:100%;max-width:36rem;padding:.45rem;border:1px solid var(--line);border-radius:6px;font:inherit}
.muted{color:var(--muted)}.status-active{color:var(--ok);font-weight:600}.status-needs_reauth{color:var(--warn);font-weight:600}.status-revoked{color:var(--bad);font-weight:600}
.flash{padding:.6rem .9rem;border-radius:6px;margin-bottom:1rem;border:1px solid}.flash.ok{background:#e7f6ee;border-color:#a6dcc0}.flash.error{background:#fdecea;border-color:#f5b5ad}.flash.warn{background:#fff4e0;border-color:#f3cf8e}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em;overflow-wrap:anywhere}
.scopes{display:flex;flex-wrap:wrap;gap:.15rem .5rem}.scopes>span{white-space:nowrap}
.empty{padding:1.5rem;text-align:center;color:var(--muted)}
header nav ul{list-style:none;display:flex;gap:.25rem;margin:0;padding:0;flex-wrap:wrap}header nav a{padding:.3rem .6rem;border-radius:6px;display:block}
header nav a:hover,header nav a[aria-current=page]{background:#27324a}header .who{margin-left:auto;display:flex;gap:.5rem;align-items:center;flex-wrap:wrap}
.muted-inv{color:#c7cede;font-size:.9em}header .who button{padding:.2rem .6rem}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);border:0}
.small{font-size:.85em}.narrow{max-width:28rem;margin:2rem auto}.crumbs{margin:0;color:var(--muted);font-size:.9em}
.badge{display:inline-block;padding:.05rem .5rem;border-radius:999px;border:1px solid var(--line);font-size:.8em;color:var(--muted);background:#fff}
.badge.ok{color:var(--ok);border-color:#a6dcc0;background:#e7f6ee}.badge.warn{color:var(--warn);border-color:#f3cf8e;background:#fff4e0}
.copy-row{display:flex;gap:.5rem;max-width:44rem}.copy-row input{flex:1;max-width:none}
.toolbar{display:flex;gap:.5rem;flex-wrap:wrap;align-items:center;margin-bottom:.75rem}
form.search{display:flex;gap:.5rem;align-items:center;flex-wrap:wrap;margin-bottom:1rem}form.search label{margin:0}form.search input,form.search select{width:auto;flex:1;min-width:10rem;max-width:24rem}
td.actions{min-width:7rem}td.actions .button,td.actions button{margin:.1rem 0;padding:.25rem .55rem;font-size:.9em;white-space:nowrap}
dl.facts{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.35rem 1rem;margin:0}dl.facts dt{font-weight:600}dl.facts dd{margin:0}
pre{background:#0f172a;color:#e2e8f0;padding:.75rem;border-radius:6px;overflow-x:auto;white-space:pre-wrap;word-break:break-all;font-size:.85em}
fieldset{border:1px solid var(--line);border-radius:6px;margin:.6rem 0;padding:.4rem .75rem}legend{font-weight:600}
label.check{display:block;font-weight:400;margin:.2rem 0}form.perms fieldset{border:0;padding:0;margin:0 0 .3rem}
ol.steps li{margin:.2rem 0}.danger-zone{border-color:#f5b5ad}.flash ul{margin:.4rem 0 0}
main{max-width:1240px}a,p,li,dd,td,h1,h2{overflow-wrap:anywhere}
/* Narrow screens: each table row becomes a card; the column name (copied into data-label by
   console.js, which reads the header) is shown beside each value; actions stay in the card. */
@media (max-width:760px){main{padding:.75rem}header .who{margin-left:0}dl.facts{grid-template-columns:1fr}
.table-wrap{border:0;overflow:visible;background:none}.table-wrap table{background:none}
.table-wrap table,.table-wrap tbody,.table-wrap tr,.table-wrap td{display:block;width:100%}
.table-wrap thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)}
.table-wrap tr{background:var(--card);border:1px solid var(--line);border-radius:8px;margin-bottom:.75rem;padding:.35rem .75rem}
.table-wrap td{border:0;padding:.3rem 0}.table-wrap td[data-label]{display:grid;grid-template-columns:minmax(5.5rem,32%) 1fr;gap:.6rem}
.table-wrap td[data-label]::before{content:attr(data-label);font-size:.75rem;text-transform:uppercase;letter-spacing:.03em;color:var(--muted);padding-top:.15rem}
.table-wrap td.actions{display:flex;flex-wrap:wrap;gap:.35rem;padding-top:.5rem}.table-wrap td.actions::before{display:none}
.copy-row{flex-wrap:wrap}}
`;

/** The favicon: a small SVG (every page links it, so browsers do not ask for a missing /favicon.ico). */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#2454d6"/><path d="M9 17l5 5 9-11" fill="none" stroke="#fff" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"/></svg>`;

export function layout(
  title: string,
  body: SafeHtml,
  options: { nav?: SafeHtml; flash?: SafeHtml; lang?: string } = {},
): string {
  return html`<!doctype html>
<html lang="${options.lang ?? 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · Consentry</title><link rel="icon" href="/assets/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/assets/style.css"><script src="/assets/console.js" defer></script></head>
<body><header><a class="brand" href="/">Consentry</a>${options.nav ?? ''}</header>
<main>${options.flash ?? ''}${body}</main></body></html>`.value;
}
