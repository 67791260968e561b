/* gyokaku-frame.js (optional, on the host page): sizes every
   <iframe data-gyokaku-frame> to the height its own frame.html reports. */
(() => {
  const FRAMES = "iframe[data-gyokaku-frame]";
  addEventListener("message", (e) => {
    const d = e.data;
    if (d == null || Object.getPrototypeOf(d) !== Object.prototype || d.type !== "gyokaku:height") return;
    let h = d.height;
    if (typeof h !== "number" || !(h >= 0) || h === Infinity) return; // NaN, negative
    h = Math.min(Math.max(Math.ceil(h), 150), 20000);
    for (const f of document.querySelectorAll(FRAMES)) {
      if (f.contentWindow !== e.source) continue;
      try {
        // A frame that navigated elsewhere no longer speaks for its src.
        if (/^https?:/.test(f.src) && new URL(f.src).origin !== e.origin) return;
      } catch {
        return;
      }
      const s = getComputedStyle(f); // a host's border-box reset must not cut the content
      if (s.boxSizing == "border-box") for (const k of ["borderTopWidth", "borderBottomWidth", "paddingTop", "paddingBottom"]) h += parseFloat(s[k]) || 0;
      f.style.height = h + "px";
      return;
    }
  });
  // Frames that loaded before this script ran: ask them to report again.
  for (const f of document.querySelectorAll(FRAMES)) f.contentWindow?.postMessage({ type: "gyokaku:ask-height" }, "*");
})();
