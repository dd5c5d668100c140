// /audits/{id}: progress until finished, then ranking, charts, failures, duplicates, changes, exports and re-run.
"use strict";
(() => {
  const { $, el, json, api, fmtTime, fmtScore, progress, grade, chart, LABEL } = Site;
  const main = $("main");
  const id = main.dataset.auditId;
  const GRADE_ORDER = { "优秀": 0, "良好": 1, "合格": 2, "不合格": 3 };
  let rows = [];
  let verdicts = {};   // inspectors' verdicts by check id and item
  let sort = { key: "rank", dir: 1 };
  let drawn = false;

  function fail(message) { $("page-error").textContent = message; $("page-error").hidden = false; }

  async function poll() {
    let audit;
    try { audit = await json("/api/audits/" + id); } catch (e) { fail(e.message); return; }
    $("audit-name").textContent = audit.name || "未命名审核";
    document.title = (audit.name || "审核结果") + " · 法治报告体检";
    const finished = audit.status === "finished";
    const checked = audit.done + audit.failed + audit.duplicates;
    $("audit-meta").textContent = "发起于 " + fmtTime(audit.createdAt) + " · 共 " + audit.total + " 份文件 · "
      + (finished ? "已完成，用时 " + (audit.elapsedSeconds < 1 ? "不到 1 秒" : Math.round(audit.elapsedSeconds) + " 秒") : "体检中 " + checked + " / " + audit.total);
    $("head-progress").hidden = finished;
    $("head-progress").replaceChildren(progress(audit.progress, finished));
    renderFailures(audit);
    if (audit.rerunOf) renderChanges(audit);
    if (finished) { await results(); }
    else { if (checked > 0) results(); setTimeout(poll, 1500); }
  }

  function renderFailures(audit) {
    const failures = audit.failures || [];
    $("failed").replaceChildren(failures.length ? el("ul", { class: "plain" }, failures.map(f =>
      el("li", {}, el("b", {}, f.file), el("div", { class: "muted" }, f.reason)))) : el("p", { class: "empty" }, "没有。"));
    const dups = audit.duplicateFiles || [];
    $("duplicates").replaceChildren(dups.length ? el("ul", { class: "plain" }, dups.map(d =>
      el("li", {}, el("b", {}, d.file), el("span", { class: "muted" }, " 与 " + d.duplicateOf + " 相同，只计一次")))) : el("p", { class: "empty" }, "没有。"));
  }

  async function results() {
    let r;
    try { r = await json("/api/audits/" + id + "/results?sort=score&order=desc"); } catch (e) { fail(e.message); return; }
    rows = r.rows.filter(x => x.state === "done");
    try { verdicts = await json("/api/audits/" + id + "/verdicts"); } catch (e) { verdicts = {}; }
    renderStats(r.summary);
    renderTable();
    if (r.status === "finished" && !drawn) { drawn = true; charts(r.summary); heatmap(); similarPairs(); }
  }

  /** Pairs of reports sharing passages (for the audit's readers: inspectors and rule authors): the shares both ways and the passages side by side. */
  async function similarPairs() {
    const box = $("similar-pairs");
    if (!box) return;
    let pairs;
    try { pairs = await json("/api/audits/" + id + "/similar-pairs"); } catch (e) { box.replaceChildren(el("p", { class: "muted" }, e.message)); return; }
    const pct = share => Math.round(share * 100) + "%";
    const check = (checkId, label) => el("a", { href: "/checks/" + checkId }, label || "—");
    box.replaceChildren(pairs.length ? el("div", { class: "table-wrap" }, el("table", { class: "data similar" },
      el("thead", {}, el("tr", {}, el("th", {}, "报告"), el("th", { class: "num" }, "其文字见于另一份"), el("th", {}, "另一份报告"),
        el("th", { class: "num" }, "其文字见于前一份"), el("th", {}, "相同或近似的段落"))),
      el("tbody", {}, pairs.map(p => el("tr", {},
        el("td", {}, check(p.check, p.unit)), el("td", { class: "num" }, pct(p.share)),
        el("td", {}, check(p.otherCheck, p.otherUnit)), el("td", { class: "num" }, pct(p.otherShare)),
        el("td", {}, p.passages.map(x => el("div", { class: "side-by-side" },
          el("blockquote", {}, x.quote), el("blockquote", {}, x.otherQuote))))))))) : el("p", { class: "empty" }, "没有发现不同单位的报告有相同或近似的段落。"));
  }

  function renderStats(s) {
    const stat = (value, label) => el("div", { class: "stat" }, el("b", {}, value), el("span", {}, label));
    $("stats").replaceChildren(
      stat(s.reports, "份报告已体检"), stat(fmtScore(s.meanScore), "平均分"), stat(fmtScore(s.medianScore), "中位数"),
      stat(fmtScore(s.minScore) + "–" + fmtScore(s.maxScore), "最低–最高分"),
      ...["优秀", "良好", "合格", "不合格"].map(g => stat((s.grades && s.grades[g]) || 0, g)));
  }

  function value(row, key) {
    switch (key) {
      case "grade": return GRADE_ORDER[row.grade] ?? 9;
      case "unit": return row.unit || "";
      case "file": return row.file || "";
      default: return row[key] ?? -1;
    }
  }

  /** How inspectors judged this report's findings: the count of each verdict, the reasons on hover. */
  function verdictNote(checkId) {
    const v = Object.values((checkId && verdicts[checkId]) || {});
    if (!v.length) return null;
    const wrong = v.filter(x => x.verdict === "wrong");
    return el("div", { class: "verdicts muted", title: wrong.map(x => x.item + "：" + x.reason).join("\n") },
      (wrong.length ? "判错 " + wrong.length + " 项" : "") + (wrong.length && wrong.length < v.length ? " · " : "")
      + (v.length > wrong.length ? "认可 " + (v.length - wrong.length) + " 项" : ""));
  }

  function renderTable() {
    const g = $("filter-grade").value;
    const u = $("filter-unit").value.trim();
    const shown = rows.filter(r => (!g || r.grade === g) && (!u || (r.unit || "").includes(u) || (r.unitAsWritten || "").includes(u)))
      .sort((a, b) => {
        const x = value(a, sort.key), y = value(b, sort.key);
        return (typeof x === "string" ? x.localeCompare(y, "zh") : x - y) * sort.dir;
      });
    $("ranking").tBodies[0].replaceChildren(...(shown.length ? shown.map(r => el("tr", { "data-unit": r.unit || "" },
      el("td", { class: "rank" }, r.rank ?? "—"),
      el("td", {}, r.unit ? el("a", { href: "/units/" + encodeURIComponent(r.unit) }, r.unit) : el("span", { class: "muted" }, "未识别")),
      el("td", { class: "nowrap" }, r.year ?? "—"),
      el("td", { class: "num" }, fmtScore(r.score)),
      el("td", {}, grade(r.grade)),
      el("td", { class: "num" }, r.failures ?? 0),
      el("td", {}, (r.mandatoryFailures || []).length ? (r.mandatoryFailures || []).length + " 项" : el("span", { class: "muted" }, "无")),
      el("td", { class: "muted" }, r.file),
      el("td", { class: "nowrap" }, r.checkId ? el("a", { href: "/checks/" + r.checkId }, "查看清单") : "—", verdictNote(r.checkId))))
      : [el("tr", {}, el("td", { colspan: "9", class: "empty" }, rows.length ? "没有符合筛选条件的报告。" : "尚无体检完成的报告。"))]));
    $("ranking-note").textContent = shown.length < rows.length ? "显示 " + shown.length + " / " + rows.length + " 份" : "";
    for (const th of $("ranking").tHead.rows[0].cells) {
      if (th.dataset.key) th.setAttribute("aria-sort", th.dataset.key === sort.key ? (sort.dir > 0 ? "ascending" : "descending") : "none");
    }
  }
  for (const th of $("ranking").tHead.rows[0].cells) {
    const b = th.querySelector("button");
    if (b) b.addEventListener("click", () => {
      const key = th.dataset.key;
      sort = { key, dir: sort.key === key ? -sort.dir : (key === "score" || key === "failures" ? -1 : 1) };
      renderTable();
    });
  }
  $("filter-grade").addEventListener("change", renderTable);
  $("filter-unit").addEventListener("input", renderTable);

  function charts(s) {
    chart($("chart-histogram"), {
      grid: { left: 44, right: 16, top: 36, bottom: 40 },
      xAxis: { type: "category", data: s.scoreBands.map(b => b.range), name: "得分", nameLocation: "middle", nameGap: 26 },
      yAxis: { type: "value", minInterval: 1, name: "份数" },
      tooltip: { trigger: "axis" },
      series: [{ type: "bar", data: s.scoreBands.map(b => b.count), barMaxWidth: 48, itemStyle: { color: "#8e1b1b" },
        label: { show: true, position: "top" } }]
    });
    const items = (s.failingItems || []).filter(i => i.fail > 0).slice(0, 10).reverse();
    if (!items.length) { $("chart-failing").replaceChildren(el("p", { class: "empty" }, "没有不通过的检查项。")); return; }
    chart($("chart-failing"), {
      grid: { left: 8, right: 40, top: 10, bottom: 20, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: items.map(i => i.title), axisLabel: { width: 170, overflow: "truncate" } },
      tooltip: { trigger: "axis" },
      series: [{ type: "bar", name: "不通过", data: items.map(i => i.fail), itemStyle: { color: "#b71c1c" }, barMaxWidth: 22,
        label: { show: true, position: "right" } }]
    });
  }

  /** Item × unit, coloured by status: every report's checklist (at most 80 reports). */
  async function heatmap() {
    const some = rows.filter(r => r.checkId).slice(0, 80);
    if (!some.length) { $("chart-heatmap").replaceChildren(el("p", { class: "empty" }, "尚无数据。")); return; }
    const checks = await Promise.all(some.map(r => json("/api/checks/" + r.checkId).catch(() => null)));
    const units = some.map(r => (r.unit || r.file) + (r.year ? " " + r.year : ""));
    const items = new Map();
    checks.forEach(c => c && c.items.forEach(i => { if (!items.has(i.id)) items.set(i.id, i.title); }));
    const CODE = { PASS: 0, NOT_APPLICABLE: 1, WARN: 2, FAIL: 3 };
    // the items that fail most on top (ECharts draws the first category at the bottom)
    const weight = new Map();
    checks.forEach(c => c && c.items.forEach(i => weight.set(i.id, (weight.get(i.id) || 0) + ({ FAIL: 100, WARN: 1 }[i.status] || 0))));
    const itemIds = [...items.keys()].sort((a, b) => (weight.get(a) || 0) - (weight.get(b) || 0));
    const data = [];
    checks.forEach((c, x) => c && c.items.forEach(i => data.push([x, itemIds.indexOf(i.id), CODE[i.status]])));
    const node = $("chart-heatmap");
    node.classList.add("h-" + Math.min(40, Math.ceil(itemIds.length / 5) * 5));
    chart(node, {
      grid: { left: 8, right: 12, top: 10, bottom: 10, containLabel: true },
      xAxis: { type: "category", data: units, axisLabel: { rotate: units.length > 4 ? 30 : 0, interval: 0 }, splitArea: { show: true } },
      yAxis: { type: "category", data: itemIds.map(i => items.get(i)), axisLabel: { width: 200, overflow: "truncate", fontSize: 11 } },
      tooltip: { formatter: p => units[p.value[0]] + "\n" + items.get(itemIds[p.value[1]]) + "：" + LABEL[["PASS", "NOT_APPLICABLE", "WARN", "FAIL"][p.value[2]]] },
      visualMap: { type: "piecewise", show: false, dimension: 2, pieces: [
        { value: 0, color: "#7cb87f" }, { value: 1, color: "#cfd8dc" }, { value: 2, color: "#f0a35e" }, { value: 3, color: "#c62828" }] },
      series: [{ type: "heatmap", data, itemStyle: { borderColor: "#fff", borderWidth: 1 } }]
    });
  }

  async function renderChanges(audit) {
    $("changes-card").hidden = false;
    try {
      const c = await json("/api/audits/" + id + "/changes");
      const head = el("p", { class: "muted" }, "本次为", el("a", { href: "/audits/" + c.rerunOf }, "上一次审核"), "的重新体检：规则版本 "
        + (c.revisionBefore || "").slice(0, 8) + " → " + (c.revisionAfter || "").slice(0, 8) + "，" + c.changedReports + " 份报告结果有变化。");
      const changed = (c.reports || []).filter(r => r.scoreDelta || (r.items && r.items.length) || r.gradeBefore !== r.gradeAfter);
      const table = el("div", { class: "table-wrap" }, el("table", { class: "data" },
        el("thead", {}, el("tr", {}, el("th", {}, "单位"), el("th", {}, "文件"), el("th", { class: "num" }, "得分变化"), el("th", {}, "等级"), el("th", {}, "变化的检查项"))),
        el("tbody", {}, changed.length ? changed.map(r => el("tr", {},
          el("td", {}, r.unit || "—"), el("td", { class: "muted" }, r.file),
          el("td", { class: "num " + (r.scoreDelta > 0 ? "up" : r.scoreDelta < 0 ? "down" : "") },
            fmtScore(r.scoreBefore) + " → " + fmtScore(r.scoreAfter)),
          el("td", {}, (r.gradeBefore || "—") + " → " + (r.gradeAfter || "—")),
          el("td", {}, (r.items || []).map(i => el("div", {}, i.item + "：" + (LABEL[i.before] || i.before || "—") + " → " + (LABEL[i.after] || i.after || "—"))))))
          : [el("tr", {}, el("td", { colspan: "5", class: "empty" }, "没有变化。"))])));
      $("changes").replaceChildren(head, table);
    } catch (e) { $("changes").replaceChildren(el("p", { class: "muted" }, e.message)); }
  }

  const rerun = $("rerun");
  if (rerun) rerun.addEventListener("click", async () => {
    if (!confirm("用现行规则重新体检这批文件？将生成一次新的审核。")) return;
    rerun.disabled = true;
    try {
      const r = await api("/api/audits/" + id + "/rerun", { method: "POST" });
      const body = await r.json().catch(() => ({}));
      if (!r.ok) throw new Error(body.message || ("重新体检失败（" + r.status + "）"));
      location.href = "/audits/" + body.id;
    } catch (e) { fail(e.message); rerun.disabled = false; }
  });

  poll();
})();
