// The self-check page (/ and /checks/{id}). Kept in a file: the Content-Security-Policy allows no inline script.
"use strict";
(() => {
  const { LABEL, $, api, el, chip, grade } = Site;
  const ORDER = ["FAIL", "WARN", "NOT_APPLICABLE", "PASS"];
  const PROFILE = { national: "全国通用", chongqing: "重庆" };
  const main = $("main");
  let result = null;
  let verdicts = {};      // inspectors' verdicts on this check's findings, by item
  const inspector = main.dataset.inspector === "true";
  let active = null;      // the open item's id
  let at = 0;             // which of its passages is shown
  const shown = new Set(ORDER);

  // An old link /#<id> still opens its check, now at /checks/<id>.
  if (!main.dataset.checkId && /^#[0-9a-f-]{36}$/i.test(location.hash)) {
    location.replace("/checks/" + location.hash.slice(1));
    return;
  }

  // ---- input: text, or a chosen/dropped file that can be cleared ----
  let file = null;
  function choose(f) {
    file = f || null;
    $("chosen").hidden = !file;
    $("chosen-name").textContent = file ? file.name + "（" + Math.max(1, Math.round(file.size / 1024)) + " KB）" : "";
    $("drop-hint").hidden = !!file;
    if (!file) $("file").value = "";
  }
  $("file").addEventListener("change", () => choose($("file").files[0]));
  $("clear-file").addEventListener("click", () => { choose(null); $("choose").focus(); });
  const drop = $("drop");
  ["dragenter", "dragover"].forEach(t => drop.addEventListener(t, e => { e.preventDefault(); drop.classList.add("over"); }));
  ["dragleave", "drop"].forEach(t => drop.addEventListener(t, () => drop.classList.remove("over")));
  drop.addEventListener("drop", e => { e.preventDefault(); if (e.dataTransfer.files.length) choose(e.dataTransfer.files[0]); });

  function showError(message) {
    // a new error never stands beside an old result: the result and its address go
    result = null; active = null;
    $("result").hidden = true;
    if (location.pathname !== "/") history.replaceState(null, "", "/");
    $("error").textContent = message;
    $("error").hidden = false;
  }

  // the profiles a check may name; the default is preselected, and a failure to list them leaves "默认"
  (async () => {
    try {
      const answer = await api("/api/rules/profiles");
      if (!answer.ok) return;
      const p = await answer.json();
      $("profile").replaceChildren(...p.profiles.map(name =>
        el("option", { value: name, selected: name === p.defaultProfile ? "selected" : null }, PROFILE[name] || name)));
    } catch (e) { /* the check still works with the default profile */ }
  })();

  $("go").addEventListener("click", async () => {
    $("error").hidden = true; $("go").disabled = true; $("status").textContent = "正在体检……";
    try {
      let response;
      if (file) {
        const form = new FormData(); form.append("file", file); form.append("profile", $("profile").value);
        response = await api("/api/checks", { method: "POST", body: form });
      } else {
        if (!$("input").value.trim()) throw new Error("请先粘贴报告全文，或选择一个文件。");
        response = await api("/api/checks?profile=" + encodeURIComponent($("profile").value),
          { method: "POST", headers: { "Content-Type": "text/plain; charset=UTF-8" }, body: $("input").value });
      }
      let body = {};
      try { body = await response.json(); } catch (e) { /* an empty answer */ }
      if (response.status === 401) throw new Error("本服务要求登录后体检：请先登录（右上角）。");
      if (!response.ok) throw new Error(body.message || ("体检失败（" + response.status + "）"));
      result = body; active = null;
      history.replaceState(null, "", "/checks/" + body.id);
      render();
      $("status").textContent = "体检完成：" + body.score + " 分，" + body.grade;
      $("result").scrollIntoView({ block: "start", behavior: "smooth" });
    } catch (e) {
      showError(e.message); $("status").textContent = "";
    } finally { $("go").disabled = false; }
  });

  $("print").addEventListener("click", () => window.print());

  // ---- a stored check: /checks/<id> ----
  async function openStored(id) {
    $("status").textContent = "正在读取体检结果……";
    const response = await api("/api/checks/" + encodeURIComponent(id));
    $("status").textContent = "";
    if (response.ok) { result = await response.json(); render(); }
    else showError(response.status === 401 || response.status === 404
      ? "未找到这条体检记录，或您无权查看（审核中的报告请登录后查看）。" : "读取体检记录失败（" + response.status + "）。");
  }
  if (main.dataset.checkId) openStored(main.dataset.checkId);

  // ---- the result ----
  function render() {
    const r = result;
    $("result").hidden = false;
    $("pdf").href = "/api/checks/" + r.id + "/report.pdf";
    $("docx").href = "/api/checks/" + r.id + "/annotated.docx";
    const meta = [r.report.unit, r.report.reporterKind ? "报告主体：" + r.report.reporterKind : null,
      r.report.year ? r.report.year + " 年度" : null, r.source && r.source.fileName].filter(Boolean).join(" · ");
    $("summary").replaceChildren(
      el("div", { class: "score-ring", "aria-label": "得分 " + r.score }, el("div", {}, el("b", {}, r.score), el("small", {}, "分"))),
      el("div", { class: "summary-text" },
        el("div", {}, grade(r.grade), el("span", { class: "title" }, r.report.title || "（未识别出报告标题）")),
        el("div", { class: "muted" }, meta || "—"),
        el("div", { class: "counts" }, ORDER.map(s => el("span", { class: "chip " + s }, LABEL[s] + " " + (r.counts[s] || 0)))),
        el("details", { class: "tech" }, el("summary", {}, "技术信息"),
          el("div", {}, "体检编号 " + r.id), el("div", {}, "规则版本 " + r.ruleSet.revision),
          el("div", {}, "规则配置 " + (PROFILE[r.ruleSet.profile] || r.ruleSet.profile || "national")),
          el("div", {}, "体检时间 " + Site.fmtTime(r.checkedAt)))));
    renderCap();
    $("notices").replaceChildren(...(r.notices || []).map(n => el("div", { class: "notice" }, n)));
    $("filter").replaceChildren(...ORDER.map(s => el("button", { type: "button", "aria-pressed": String(shown.has(s)), "data-s": s,
      onclick: e => { shown.has(s) ? shown.delete(s) : shown.add(s); e.currentTarget.setAttribute("aria-pressed", String(shown.has(s))); renderItems(); }
    }, chip(s), String(r.counts[s] || 0))));
    renderItems();
    highlight();
    loadVerdicts();
  }

  /** Inspectors' verdicts on the findings (kept for the same report text while a finding stays the same). */
  async function loadVerdicts() {
    verdicts = {};
    if (main.dataset.signedIn !== "true") return;
    const response = await api("/api/checks/" + result.id + "/verdicts");
    if (!response.ok) return;
    verdicts = await response.json();
    renderItems();
  }

  function verdictLine(v) {
    if (!v) return null;
    const who = v.by + " · " + Site.fmtTime(v.at);
    return el("span", { class: "verdict " + v.verdict },
      v.verdict === "accepted" ? "审核意见：认可此项结果（" + who + "）" : "审核意见：此项结果有误——" + v.reason + "（" + who + "）");
  }

  /** For an inspector: accept the open item's finding, or call it wrong with a reason. */
  function verdictForm(item) {
    if (!inspector) return null;
    const reason = el("input", { type: "text", id: "verdict-reason", maxlength: "2000", placeholder: "判错理由（必填），例如：报告第二部分已写明原因",
      "aria-label": "判错理由" });
    const note = el("span", { class: "muted", role: "status", id: "verdict-status" });
    async function give(verdict) {
      const response = await api("/api/checks/" + result.id + "/verdicts/" + encodeURIComponent(item.id), { method: "PUT",
        headers: { "Content-Type": "application/json" }, body: JSON.stringify({ verdict, reason: reason.value }) });
      let body = {};
      try { body = await response.json(); } catch (e) { /* empty */ }
      if (!response.ok) { note.textContent = body.message || ("保存失败（" + response.status + "）"); return; }
      verdicts[item.id] = body;
      renderItems();
    }
    return el("div", { class: "verdict-form" },
      el("button", { type: "button", class: "secondary", id: "verdict-accept", onclick: () => give("accepted") }, "认可此项结果"),
      reason,
      el("button", { type: "button", class: "secondary", id: "verdict-wrong", onclick: () => give("wrong") }, "判为有误"),
      note);
  }

  /** Why the grade is what it is: the cap by mandatory failures, with the items that caused it. */
  function renderCap() {
    const r = result;
    const cap = r.gradeCap;
    const failed = r.items.filter(i => i.status === "FAIL" && i.severity === "MANDATORY");
    if (cap) {
      $("cap").replaceChildren(el("div", { class: "cap", id: "grade-cap" },
        el("b", {}, cap.explanation),
        el("div", { class: "muted" }, "按得分 " + r.score + " 本应为" + cap.scoreGrade + "；必查项不通过时等级最高为" + cap.grade + "。"),
        el("ul", {}, cap.items.map(i => el("li", {}, i.title)))));
    } else if (failed.length) {
      $("cap").replaceChildren(el("div", { class: "cap", id: "grade-cap" }, el("b", {}, failed.length + " 项必查项不通过"),
        el("ul", {}, failed.map(i => el("li", {}, i.title)))));
    } else {
      $("cap").replaceChildren();
    }
  }

  function renderItems() {
    const byCategory = new Map();
    for (const i of result.items.filter(i => shown.has(i.status))) {
      if (!byCategory.has(i.category)) byCategory.set(i.category, []);
      byCategory.get(i.category).push(i);
    }
    const nodes = [];
    for (const [category, items] of byCategory) {
      nodes.push(el("h3", { class: "category" }, Site.category(category)));
      for (const i of items) {
        const open = i.id === active;
        nodes.push(el("button", { type: "button", class: "item", "data-id": i.id, "data-status": i.status, "aria-expanded": String(open),
            onclick: () => toggle(i.id) },
          el("span", { class: "head" }, chip(i.status), el("span", { class: "title" }, i.title),
            el("span", { class: "sev" }, (i.severity === "MANDATORY" ? "必查项" : "建议项") + " · 权重 " + i.weight)),
          el("span", { class: "msg", hidden: !i.message }, i.message || ""),
          i.status === "FAIL" || i.status === "WARN" ? el("span", { class: "advice" }, "修改建议：" + (i.advice || "")) : null,
          i.status === "FAIL" || i.status === "WARN" ? el("span", { class: "basis" }, "依据：" + (i.basis || "—")) : null,
          verdictLine(verdicts[i.id])));
        if (open) nodes.push(passagePanel(i));
      }
    }
    if (!nodes.length) nodes.push(el("p", { class: "empty" }, "没有符合筛选条件的检查项。"));
    $("items").replaceChildren(...nodes);
  }

  /** The open item's passages: those in this report in text order, then those only another report has (start -1). */
  function spans(item) {
    return [...(item.evidence || [])].sort((a, b) => (a.start < 0) - (b.start < 0) || a.start - b.start);
  }

  // Whether the viewer may open another stored check, by id: asked once per id (a unit reads only its own checks).
  const openable = new Map();
  function mayOpen(id) {
    if (!/^[0-9a-f-]{36}$/i.test(id || "")) return Promise.resolve(false);
    if (!openable.has(id)) {
      openable.set(id, api("/api/checks/" + encodeURIComponent(id), { method: "HEAD" }).then(r => r.ok, () => false));
    }
    return openable.get(id);
  }

  /** Another report's passage beside this one's: last year's target, a shortcoming written again, a copied paragraph. */
  function elsewhere(other) {
    const link = el("a", { class: "open-other", href: "/checks/" + encodeURIComponent(other.checkId || ""), hidden: true }, "打开该报告");
    mayOpen(other.checkId).then(ok => { link.hidden = !ok; });
    return el("div", { class: "side other" },
      el("div", { class: "side-label" }, other.label || "其他报告", " ", link),
      el("blockquote", {}, other.quote));
  }

  function passagePanel(item) {
    const ev = spans(item);
    if (!ev.length) return el("div", { class: "passage", id: "passage" }, el("span", { class: "muted" }, "此项没有对应的原文语句（例如缺少的内容）。"), verdictForm(item));
    const e = ev[at];
    const here = e.start >= 0
      ? el("blockquote", {}, e.quote || result.report.text.slice(e.start, e.end))
      : el("blockquote", { class: "none" }, "本报告中没有对应的表述。");
    const passage = e.elsewhere
      ? el("div", { class: "side-by-side" }, el("div", { class: "side this" }, el("div", { class: "side-label" }, "本报告"), here), elsewhere(e.elsewhere))
      : here;
    return el("div", { class: "passage", id: "passage" },
      passage,
      el("div", { class: "nav" },
        ev.length > 1 ? el("button", { type: "button", class: "secondary", id: "prev", onclick: () => step(-1), "aria-label": "上一处" }, "‹ 上一处") : null,
        el("span", { class: "muted" }, "第 " + (at + 1) + " / " + ev.length + " 处"),
        ev.length > 1 ? el("button", { type: "button", class: "secondary", id: "next", onclick: () => step(1), "aria-label": "下一处" }, "下一处 ›") : null),
      verdictForm(item));
  }

  function toggle(id) {
    active = active === id ? null : id;
    at = 0;
    renderItems();
    const item = result.items.find(i => i.id === active);
    const button = $("items").querySelector(`button.item[data-id="${CSS.escape(id)}"]`);
    if (button) { button.focus({ preventScroll: true }); button.scrollIntoView({ block: "nearest" }); }
    highlight();
    if (item) $("announce").textContent = LABEL[item.status] + "：" + item.title + "。" + (item.message || "");
  }

  function step(delta) {
    const item = result.items.find(i => i.id === active);
    const n = spans(item).length;
    at = (at + delta + n) % n;
    renderItems();
    highlight();
    const b = $(delta < 0 ? "prev" : "next");
    if (b) b.focus({ preventScroll: true });
  }

  /** The report text with the open item's passages marked; the current one scrolled into the middle of the text box only. */
  function highlight() {
    const text = result.report.text || "";
    const item = result.items.find(i => i.id === active);
    const ev = item ? spans(item) : [];
    const nodes = [];
    let pos = 0;
    ev.forEach((e, n) => {
      // a passage only another report has (start -1) has nothing to mark here; overlapping ones keep the first
      if (e.start < 0 || e.start < pos) return;
      nodes.push(text.slice(pos, e.start));
      nodes.push(el("mark", { class: item.status + (n === at ? " current" : ""), id: n === at ? "current-mark" : null }, text.slice(e.start, e.end)));
      pos = e.end;
    });
    nodes.push(text.slice(pos));
    const box = $("text");
    box.replaceChildren(...nodes);
    const mark = $("current-mark");
    if (mark) {
      // beside the clicked item: the passage at the item's height in the text box (only the box scrolls, not the
      // page); on a narrow screen the text is below the items, and the passage is shown under the item instead
      const button = $("items").querySelector("button.item[aria-expanded=true]");
      const top = box.getBoundingClientRect().top;
      const beside = button ? button.getBoundingClientRect().top - top : box.clientHeight / 3;
      box.scrollTop = Math.max(0, mark.offsetTop - Math.max(0, Math.min(beside, box.clientHeight - mark.offsetHeight - 8)));
    }
  }
})();
