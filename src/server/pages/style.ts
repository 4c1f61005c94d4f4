/**
 * All the page's styling, inline: the warehouse PC may have no internet, so no CDN, no web
 * fonts, no external file. System fonts, large touch targets, and a print style that keeps
 * only the table.
 */
export const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1f24;background:#f4f5f7}
header{background:#1f3a5f;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center}
header strong{font-size:1.15rem}
header nav a{color:#fff;margin-right:1rem;text-decoration:none;border-bottom:2px solid transparent}
header nav a[aria-current=page]{border-bottom-color:#ffd24d}
.sandbox{background:#ffd24d;color:#1b1f24;font-weight:700;padding:.5rem 1rem;text-align:center;letter-spacing:.02em}
main{padding:1rem;max-width:72rem;margin:0 auto}
h1{font-size:1.4rem;margin:.2rem 0 .8rem}
h2{font-size:1.15rem;margin:1.4rem 0 .5rem}
.notice{background:#e7f5ea;border-left:4px solid #2e7d32;padding:.6rem .8rem;margin:0 0 1rem}
.warn{background:#fff4e0;border-left:4px solid #c77700;padding:.6rem .8rem;margin:0 0 1rem}
form.filter{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin-bottom:1rem}
label{display:flex;flex-direction:column;font-size:.85rem;color:#444}
input,select,button,.button{font:inherit;padding:.45rem .7rem;border:1px solid #9aa4b1;border-radius:6px;background:#fff;color:#1b1f24}
button,.button{cursor:pointer;background:#1f3a5f;color:#fff;border-color:#1f3a5f;text-decoration:none;display:inline-block}
button.secondary,.button.secondary{background:#fff;color:#1f3a5f}
button.small{padding:.2rem .55rem;font-size:.85rem}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin:.8rem 0}
.table-wrap{overflow-x:auto;background:#fff;border:1px solid #d6dae0;border-radius:8px}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.5rem .6rem;border-bottom:1px solid #e3e6ea;vertical-align:top}
th{background:#eef1f5;font-size:.85rem;color:#333}
tr:last-child td{border-bottom:0}
.pin{font-family:ui-monospace,Consolas,monospace;white-space:nowrap}
.badge{display:inline-block;padding:.05rem .45rem;border-radius:999px;font-size:.8rem;white-space:nowrap}
.printed{background:#e7f5ea;color:#1e5b22}
.unprinted{background:#fff4e0;color:#7a4800}
.bad{background:#fde8e8;color:#8a1c1c}
.muted{color:#666}
.card{background:#fff;border:1px solid #d6dae0;border-radius:8px;padding:.8rem 1rem;margin-bottom:.8rem}
.card h3{margin:0 0 .3rem;font-size:1rem}
.fix{margin:.4rem 0 0}
.address{margin-top:.6rem;border-top:1px solid #e3e6ea;padding-top:.6rem}
.address-form{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.5rem 1rem}
.address-form .actions{grid-column:1/-1}
.label-lines pre{font-size:.95rem;max-width:28rem}
details{margin-top:.3rem}
summary{cursor:pointer;color:#1f3a5f}
pre{white-space:pre-wrap;word-break:break-all;background:#f6f8fa;padding:.5rem;border-radius:6px;font-size:.8rem;max-height:20rem;overflow:auto}
.ok{color:#1e5b22}.fail{color:#8a1c1c;font-weight:600}
#board tr.today td{background:#fff8e6}
#board tr.overdue td,#board tr.blocked td{background:#fdeeee}
#board tr.stands-out td:first-child{border-left:4px solid #c0392b}
.time-left.overdue{color:#8a1c1c;font-weight:700}.time-left.today{color:#7a4800;font-weight:600}
.late-confirm{border-color:#c0392b}
@media (max-width:40rem){
main{padding:.6rem}
.stack thead{display:none}
.stack,.stack tbody{display:block;width:100%}
.stack .pin{white-space:normal;word-break:break-all}
.stack tr{display:block;padding:.5rem .7rem;border-bottom:1px solid #e3e6ea}
.stack td{display:flex;gap:.6rem;border:0;padding:.12rem 0}
.stack td[data-label]::before{content:attr(data-label);flex:0 0 5.5rem;color:#666;font-size:.85rem}
.stack td.opt{display:none}
.stack .cell{min-width:0;flex:1}
}
@media print{header,form.filter,.actions,button,.no-print{display:none!important}body{background:#fff}.table-wrap{border:0}}
`;
