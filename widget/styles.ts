/**
 * The widget's stylesheet. It lives inside the Shadow DOM, so host-page CSS cannot
 * reach in and these rules cannot leak out. `--rc-accent` carries `data-accent`.
 */
export const widgetCss = `
:host{all:initial}
.rc-root{--rc-accent:#1f5fbf;--rc-bg:#fff;--rc-fg:#1b1f24;--rc-muted:#5b6470;--rc-line:#d9dee5;--rc-soft:#f3f5f8;--rc-user:#e9f0fb;
position:fixed;bottom:20px;right:20px;z-index:2147483000;font:15px/1.6 system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans JP","Yu Gothic UI",Meiryo,sans-serif;color:var(--rc-fg);
display:flex;flex-direction:column;align-items:flex-end;gap:12px}
.rc-root.rc-left{right:auto;left:20px;align-items:flex-start}
*{box-sizing:border-box}
button,textarea{font:inherit;color:inherit}
:focus-visible{outline:3px solid var(--rc-accent);outline-offset:2px}
.rc-launcher{width:56px;height:56px;border-radius:50%;border:0;background:var(--rc-accent);color:#fff;cursor:pointer;display:grid;place-items:center;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.rc-launcher svg{width:28px;height:28px;fill:currentColor}
.rc-launcher:focus-visible{outline-offset:3px}
.rc-panel{width:min(400px,calc(100vw - 32px));height:min(680px,calc(100vh - 100px));background:var(--rc-bg);border:1px solid var(--rc-line);border-radius:14px;
box-shadow:0 10px 40px rgba(0,0,0,.22);display:flex;flex-direction:column;overflow:hidden}
.rc-panel[hidden],.rc-passage[hidden]{display:none}
.rc-panel:focus{outline:none}
.rc-header{display:flex;align-items:center;gap:8px;padding:10px 10px 10px 16px;background:var(--rc-accent);color:#fff}
.rc-header h2{flex:1;margin:0;font-size:16px;font-weight:600}
.rc-icon-btn{border:0;background:transparent;color:inherit;cursor:pointer;width:34px;height:34px;border-radius:8px;font-size:20px;line-height:1}
.rc-header .rc-icon-btn:focus-visible{outline-color:#fff;outline-offset:-3px}
.rc-log{flex:1;overflow-y:auto;padding:14px;display:flex;flex-direction:column;gap:12px;background:var(--rc-soft)}
.rc-hint{margin:0;color:var(--rc-muted);font-size:14px}
.rc-msg{max-width:92%;padding:9px 12px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere}
.rc-msg p{margin:0}
.rc-who{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.rc-user{align-self:flex-end;background:var(--rc-user)}
.rc-answer{align-self:flex-start;background:var(--rc-bg);border:1px solid var(--rc-line)}
.rc-thinking{color:var(--rc-muted);font-style:italic}
.rc-notice{display:inline-block;margin-bottom:6px;padding:1px 8px;border-radius:999px;background:var(--rc-soft);border:1px solid var(--rc-line);color:var(--rc-muted);font-size:13px}
.rc-note{margin-top:6px;padding:2px 8px;border-left:3px solid var(--rc-line);color:var(--rc-muted);font-size:12px}
.rc-cite{border:1px solid var(--rc-accent);background:transparent;color:var(--rc-accent);border-radius:6px;padding:0 4px;margin:0 1px;font-size:12px;line-height:1.5;cursor:pointer;vertical-align:1px}
.rc-cite[aria-expanded=true],.rc-cite:hover{background:var(--rc-accent);color:#fff}
.rc-sources{margin-top:8px;padding-top:6px;border-top:1px solid var(--rc-line);font-size:13px;color:var(--rc-muted);white-space:normal}
.rc-sources ul,.rc-suggest ul{list-style:none;margin:4px 0 0;padding:0;display:flex;flex-direction:column;gap:4px}
.rc-source,.rc-chip{text-align:left;border:1px solid var(--rc-line);background:var(--rc-bg);border-radius:8px;padding:3px 8px;cursor:pointer;font-size:13px;width:100%}
.rc-source:hover,.rc-chip:hover{border-color:var(--rc-accent)}
.rc-suggest{margin-top:8px;font-size:13px;color:var(--rc-muted);white-space:normal}
.rc-error{align-self:stretch;background:#fff4f2;border:1px solid #e6b3aa;color:#7a1d10;white-space:normal}
.rc-error button{margin-top:6px;border:1px solid #7a1d10;background:#fff;color:#7a1d10;border-radius:8px;padding:3px 12px;cursor:pointer}
.rc-passage{border-top:2px solid var(--rc-accent);background:var(--rc-bg);padding:10px 0 10px 14px;max-height:48%;display:flex;flex-direction:column;font-size:14px}
.rc-passage-head,.rc-meta{padding-right:10px}
.rc-passage-body{overflow-y:auto;padding-right:14px;min-height:0}
.rc-passage:focus{outline:none}
.rc-passage-head{display:flex;align-items:center;gap:8px}
.rc-passage-head h3{flex:1;margin:0;font-size:14px;color:var(--rc-accent)}
.rc-passage .rc-icon-btn{color:var(--rc-muted);width:28px;height:28px;font-size:18px}
.rc-meta{margin:2px 0 6px;color:var(--rc-muted);font-size:12px}
.rc-quote{margin:0;padding:6px 10px;border-left:3px solid var(--rc-line);white-space:pre-wrap;overflow-wrap:anywhere}
.rc-footnotes{margin:8px 0 0;padding-left:0;list-style:none;font-size:12px;color:var(--rc-muted);overflow-wrap:anywhere}
.rc-footnotes li+li{margin-top:4px}
.rc-footnotes a{color:var(--rc-accent)}
.rc-form{display:flex;gap:8px;padding:10px;border-top:1px solid var(--rc-line);background:var(--rc-bg)}
.rc-form textarea{flex:1;resize:none;min-height:44px;max-height:120px;padding:8px 10px;border:1px solid var(--rc-line);border-radius:10px;background:var(--rc-bg)}
.rc-form textarea:disabled{background:var(--rc-soft)}
.rc-send{border:0;border-radius:10px;background:var(--rc-accent);color:#fff;padding:0 16px;cursor:pointer;font-weight:600}
.rc-send:disabled{opacity:.55;cursor:default}
.rc-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:480px){.rc-root{bottom:12px;right:12px}.rc-root.rc-left{left:12px}.rc-panel{height:calc(100vh - 96px)}}
@media (prefers-color-scheme:dark){.rc-root{--rc-bg:#1d2127;--rc-fg:#e8ebef;--rc-muted:#a4adb8;--rc-line:#3a414b;--rc-soft:#262b33;--rc-user:#243654}
.rc-error{background:#3a2420;border-color:#7a3a30;color:#ffd6cf}.rc-error button{background:transparent;color:inherit;border-color:currentColor}}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}
`;
