// /audits: past audits with live progress (polled, so it survives a reload), and the form that starts one.
"use strict";
(() => {
  const { $, el, json, api, fmtTime, progress } = Site;
  const STATUS = { queued: "排队中", running: "体检中", finished: "已完成" };
  let timer = null;

  function row(a) {
    const finished = a.status === "finished";
    const checked = a.done + a.failed + a.duplicates;
    return el("tr", { "data-id": a.id, "data-status": a.status },
      el("td", {}, el("a", { href: "/audits/" + a.id }, a.name || "未命名审核"), a.rerunOf ? el("span", { class: "pill" }, "重新体检") : null),
      el("td", { class: "nowrap" }, fmtTime(a.createdAt)),
      el("td", { class: "num" }, a.total),
      el("td", { class: "progress-cell" }, progress(a.progress, finished),
        el("span", { class: "hint progress-text" }, checked + " / " + a.total + (a.failed ? "，失败 " + a.failed : ""))),
      el("td", {}, el("span", { class: "state s-" + a.status }, STATUS[a.status] || a.status)),
      el("td", { class: "num" }, a.elapsedSeconds == null ? "—" : a.elapsedSeconds < 1 ? "不到 1 秒" : Math.round(a.elapsedSeconds) + " 秒"));
  }

  async function refresh() {
    clearTimeout(timer);
    try {
      const audits = await json("/api/audits");
      const body = $("audits").tBodies[0];
      body.replaceChildren(...(audits.length ? audits.map(row)
        : [el("tr", {}, el("td", { colspan: "6", class: "empty" }, "还没有审核。"))]));
      const running = audits.filter(a => a.status !== "finished").length;
      $("list-note").textContent = running ? running + " 项审核进行中，进度自动刷新" : "";
      if (running) timer = setTimeout(refresh, 1500);
    } catch (e) {
      $("list-note").textContent = e.message;
      timer = setTimeout(refresh, 5000);
    }
  }
  refresh();

  const form = $("start");
  if (form) Site.picker($("audit-files"));
  if (form) form.addEventListener("submit", async e => {
    e.preventDefault();
    $("start-error").hidden = true;
    const files = $("audit-files").files;
    if (!files.length) { $("start-error").textContent = "请选择报告文件。"; $("start-error").hidden = false; return; }
    const data = new FormData();
    for (const f of files) data.append("file", f);
    if ($("audit-name").value.trim()) data.append("name", $("audit-name").value.trim());
    $("start-button").disabled = true;
    try {
      const r = await api("/api/audits", { method: "POST", body: data });
      const body = await r.json().catch(() => ({}));
      if (!r.ok) throw new Error(body.message || ("发起失败（" + r.status + "）"));
      form.reset();
      $("started").replaceChildren(el("div", { class: "ok-box" }, "已发起「" + (body.name || "审核") + "」：共 " + body.total + " 份报告"
        + (body.duplicates ? "（其中重复 " + body.duplicates + " 份）" : "") + "，正在后台体检。 ", el("a", { href: "/audits/" + body.id }, "查看结果 →")));
      $("started").hidden = false;
      refresh();
    } catch (err) {
      $("start-error").textContent = err.message; $("start-error").hidden = false;
    } finally { $("start-button").disabled = false; }
  });
})();
