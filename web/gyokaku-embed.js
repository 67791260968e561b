// gyokaku: the entry module of the widget. A host page includes it once,
//   <script type="module" src="https://…/gyokaku/gyokaku-embed.js"></script>
// and marks each place for a widget with <div data-gyokaku></div>.
// It defines no globals; the bundled dataset lives beside it in data/.
import init, { start } from "./gyokaku.js";

const here = new URL(".", import.meta.url);
const bundled = fetch(new URL("data/plan.json", here)).then((response) => {
  if (!response.ok) throw new Error(`data/plan.json: HTTP ${response.status}`);
  return response.text();
});
bundled.catch(() => {}); // reported by the widget that needs it, not as an unhandled rejection
await init({ module_or_path: new URL("gyokaku_bg.wasm", here) });
start(bundled, here.href);
