// frame.html's own script: tells the page that embeds it how tall its
// content is, {type: "gyokaku:height", height: <CSS px>}, so that the
// optional host helper gyokaku-frame.js can size the iframe. Posted on load,
// on every size change (at most once per animation frame, only when the
// height changed) and when the parent asks ({type: "gyokaku:ask-height"}).
// A height is not secret: any parent may read it.
if (window.parent !== window) {
  const { body } = document;
  const hosts = [...document.querySelectorAll("[data-gyokaku]")];
  let sent = -1;
  let queued = false;
  let forced = false;

  // The body's box, not the document's scroll height: the latter never
  // shrinks below the viewport, so it would feed back as the iframe grows.
  const height = () => {
    const style = getComputedStyle(body);
    return Math.ceil(body.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom));
  };
  // The pre-rendered view is the default one; when the hash asks for another,
  // its height would be wrong, so nothing is posted until the widget is live.
  const early = () => location.hash.length > 1 && hosts.some((host) => !host.shadowRoot);
  const send = (force) => {
    if (early()) return;
    const h = height();
    if (h === sent && !force) return;
    sent = h;
    window.parent.postMessage({ type: "gyokaku:height", height: h }, "*");
  };
  const schedule = (force) => {
    forced ||= force === true;
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      send(forced);
      forced = false;
    });
  };

  // The widget draws into a shadow root inside its host element; the host's
  // box (and so the body's) follows that content, so both are observed. When
  // the widget takes over, it empties the host's pre-rendered light DOM.
  const resized = new ResizeObserver(schedule);
  const replaced = new MutationObserver(() => schedule(true));
  resized.observe(body);
  for (const host of hosts) {
    resized.observe(host);
    replaced.observe(host, { childList: true });
  }
  addEventListener("load", () => schedule(true));
  addEventListener("message", (event) => {
    if (event.source === window.parent && event.data?.type === "gyokaku:ask-height") schedule(true);
  });
}
