// gyokaku report: the filters, "save this view" and "share" of the static
// report (render/document.rs). The document is complete without this
// script; the script only hides what a filter leaves out, and reveals the
// controls it wires. Plain ES2020, no globals, no network.
(() => {
  const root = document.querySelector("[data-gyokaku-report]");
  if (!root) return;
  const $ = (sel, el = root) => el.querySelector(sel);
  const $$ = (sel, el = root) => [...el.querySelectorAll(sel)];
  const form = $("form.gk-filters");
  const field = (name) => $(`[data-filter="${name}"]`, form);
  const articles = $$("article[data-item-id]");

  // The same folding as the widget's search (viewmodel::query::normalize):
  // full-width ASCII and ideographic spaces, ASCII case.
  const fold = (s) =>
    s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/\u3000/g, " ")
      .replace(/[A-Z]/g, (c) => c.toLowerCase());
  // What the widget's index searches (viewmodel::query): the title and its
  // note, the sheet's texts, KPI names, activities and evaluation texts;
  // not labels, departments or the screen-reader text of the star.
  const SEARCHED = ".gk-detail-title, .gk-texts p, .gk-kpi-name, [data-activity], details.gk-eval p, .gk-listed-kpis li";
  const text = (e) => {
    const copy = e.cloneNode(true);
    for (const hidden of copy.querySelectorAll(".gk-sr, .gk-badge")) hidden.remove();
    return copy.textContent;
  };
  const haystacks = new Map(articles.map((a) => [a, fold($$(SEARCHED, a).map(text).join("\n"))]));

  // The view state, in the widget's URL grammar (goal=1&dept=finance&q=…).
  const read = (text) => {
    const s = { goal: "", reform: "", depts: [], q: "", star: false };
    for (const pair of text.replace(/^#/, "").split("&")) {
      const at = pair.indexOf("=");
      const key = at < 0 ? pair : pair.slice(0, at);
      let value = "";
      try {
        value = decodeURIComponent((at < 0 ? "" : pair.slice(at + 1)).replace(/\+/g, " ")).trim();
      } catch {
        continue; // a broken escape drops the pair, as the widget does
      }
      if (key === "goal" || key === "reform") s[key] = /^\d{1,6}$/.test(value) ? value : "";
      else if (key === "dept" && /^[a-z0-9-]{1,64}$/.test(value) && !s.depts.includes(value)) s.depts.push(value);
      else if (key === "q") s.q = value.slice(0, 200);
      else if (key === "star") s.star = value === "1";
    }
    return s;
  };
  const write = (s) => {
    const parts = [];
    if (s.goal) parts.push(`goal=${s.goal}`);
    if (s.reform) parts.push(`reform=${s.reform}`);
    for (const d of s.depts) parts.push(`dept=${encodeURIComponent(d)}`);
    if (s.q) parts.push(`q=${encodeURIComponent(s.q)}`);
    if (s.star) parts.push("star=1");
    const lang = document.documentElement.lang;
    if (lang && lang !== "ja") parts.push(`lang=${lang}`);
    return parts.join("&");
  };

  const current = () => ({
    goal: field("goal").value,
    reform: field("reform").value,
    depts: $$("[data-dept-toggle]", form).filter((c) => c.checked).map((c) => c.dataset.deptToggle),
    q: field("q").value,
    star: !!field("star")?.checked,
  });

  const show = (s) => {
    field("goal").value = s.goal;
    narrowReforms(s.goal);
    field("reform").value = $$(`option[value="${s.reform}"]`, field("reform")).some((o) => !o.hidden) ? s.reform : "";
    field("q").value = s.q;
    if (field("star")) field("star").checked = s.star;
    for (const c of $$("[data-dept-toggle]", form)) c.checked = s.depts.includes(c.dataset.deptToggle);
  };

  const narrowReforms = (goal) => {
    for (const o of $$("option[data-goal]", field("reform"))) o.hidden = !!goal && o.dataset.goal !== goal;
  };

  const apply = () => {
    const s = current();
    const terms = fold(s.q).split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const a of articles) {
      const d = a.dataset;
      const match =
        (!s.goal || d.goal === s.goal) &&
        (!s.reform || d.reform === s.reform) &&
        (!s.depts.length || d.lead.split(" ").some((x) => s.depts.includes(x))) &&
        (!s.star || "star" in d) &&
        terms.every((t) => haystacks.get(a).includes(t));
      a.hidden = !match;
      if (match) shown++;
    }
    const heading = $("[data-result-count]");
    heading.dataset.resultCount = String(shown);
    heading.textContent = `${shown} ${root.dataset.resultsLabel}`;
    $("[data-empty]").hidden = shown > 0;
    for (const b of $$("[data-goal-toggle]")) b.setAttribute("aria-pressed", String(b.dataset.goalToggle === s.goal));
    const hash = write(s);
    if (location.hash.replace(/^#/, "") !== hash) history.replaceState(null, "", hash ? `#${hash}` : location.pathname + location.search);
    return s;
  };

  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("input", (e) => {
    if (e.target.dataset.filter === "dept-search") {
      const needle = fold(e.target.value.trim());
      for (const label of $$(".gk-dept", form)) label.hidden = !!needle && !fold(label.textContent).includes(needle);
      return;
    }
    if (e.target.dataset.filter === "goal") narrowReforms(e.target.value);
    apply();
  });
  $("[data-action=clear]", form).addEventListener("click", () => {
    show(read(""));
    apply();
  });
  for (const b of $$("[data-goal-toggle]")) {
    b.addEventListener("click", () => {
      const s = current();
      show({ ...s, goal: s.goal === b.dataset.goalToggle ? "" : b.dataset.goalToggle, reform: "" });
      apply();
    });
  }

  // "Save this view": this document with only the items shown, reopening
  // on the same filters. It stays a complete document without scripts.
  const save = () => {
    const s = apply();
    const copy = document.documentElement.cloneNode(true);
    const r = copy.querySelector("[data-gyokaku-report]");
    for (const a of r.querySelectorAll("article[hidden]")) a.remove();
    r.dataset.state = write(s);
    for (const el of r.querySelectorAll("[data-actions], form.gk-filters, [data-share-panel]")) el.hidden = true;
    for (const el of r.querySelectorAll("[data-filter], [data-dept-toggle]")) {
      if (el.type === "checkbox") el.toggleAttribute("checked", el.checked);
      else if (el.tagName === "INPUT") el.setAttribute("value", el.value);
    }
    for (const o of r.querySelectorAll("option")) o.toggleAttribute("selected", o.selected);
    const name = `gyokaku-report${s.depts.length || s.goal || s.q ? "-" + write(s).replace(/[^a-z0-9-]+/gi, "-").slice(0, 60) : ""}.html`;
    download(name, `<!DOCTYPE html>\n${copy.outerHTML}`, "text/html");
  };

  const download = (name, text, type) => {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type }));
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };

  // "Save the KPI table as CSV": the rows of the items shown, as the open
  // data's kpis.csv writes them (UTF-8 with BOM, for Excel).
  const csvData = JSON.parse(document.getElementById("gyokaku-kpi-csv")?.textContent || "null");
  const saveCsv = () => {
    const rows = articles.filter((a) => !a.hidden).map((a) => csvData.items[a.dataset.itemId] ?? "");
    download("gyokaku-kpis.csv", "\uFEFF" + csvData.header + rows.join(""), "text/csv");
  };

  // "Share": where the report is on the web, the hosted page beside it
  // with this view; opened from a disk, this file's own address.
  const panel = $("[data-share-panel]");
  const shareButton = $("[data-action=share]");
  const codes = () => {
    const hash = write(current());
    const frag = hash ? `#${hash}` : "";
    const web = /^https?:$/.test(location.protocol);
    const base = new URL(".", location.href).href;
    const esc = (t) => t.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
    const title = $(".gk-app-title").textContent;
    return {
      web,
      link: web ? `${base}index.html${frag}` : location.href.split("#")[0] + frag,
      iframe: `<iframe data-gyokaku-frame src="${esc(base + "frame.html" + frag)}" title="${esc(title)}" width="100%" height="1200" style="border:0" loading="lazy"></iframe>`,
      script: `<div data-gyokaku${hash ? ` data-state="${esc(hash)}"` : ""}></div>\n<script type="module" src="${esc(base + "gyokaku-embed.js")}"><\/script>`, // "<\/" keeps this inline script open
    };
  };
  const closeShare = () => {
    panel.hidden = true;
    shareButton.setAttribute("aria-expanded", "false");
    shareButton.focus();
  };
  shareButton.setAttribute("aria-controls", panel.id);
  shareButton.addEventListener("click", () => {
    if (!panel.hidden) return closeShare();
    const c = codes();
    $("[data-share-local]", panel).hidden = c.web;
    for (const key of ["iframe", "script"]) $(`[data-share="${key}"]`, panel).hidden = !c.web;
    for (const key of ["link", "iframe", "script"]) $(`[data-share-value="${key}"]`, panel).value = c[key];
    $("#gk-share-status", panel).textContent = "";
    panel.hidden = false;
    shareButton.setAttribute("aria-expanded", "true");
    $("[data-share-value=link]", panel).focus();
  });
  panel.addEventListener("keydown", (e) => {
    if (e.key === "Escape") closeShare();
  });
  panel.addEventListener("click", async (e) => {
    const b = e.target.closest("button");
    if (!b) return;
    if (b.dataset.action === "share-close") return closeShare();
    const box = $(`[data-share-value="${b.dataset.copy}"]`, panel);
    const status = $("#gk-share-status", panel);
    try {
      await navigator.clipboard.writeText(box.value);
      status.textContent = status.dataset.copied;
    } catch {
      box.focus();
      box.select();
      status.textContent = status.dataset.manual;
    }
  });

  $("[data-action=print]").addEventListener("click", () => print());
  $("[data-action=download-view]").addEventListener("click", save);
  if (csvData) $("[data-action=download-csv]").addEventListener("click", saveCsv);
  else $("[data-action=download-csv]").remove();

  show(location.hash.length > 1 ? read(location.hash) : read(root.dataset.state || ""));
  apply();
  form.hidden = false;
  $("[data-actions]").hidden = false;
  requestAnimationFrame(() => performance.mark("gyokaku:drawn"));
})();
