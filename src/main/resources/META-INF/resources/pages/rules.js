// /rules: the live rule set and its items (everyone signed in); rejections, validation and revisions (rule authors).
"use strict";
(async () => {
  const { $, el, json, api, fmtTime, LABEL } = Site;
  const author = $("main").dataset.ruleAuthor === "true";
  const SEV = { MANDATORY: "必查项", ADVISORY: "建议项" };
  let rules;
  try { rules = await json("/api/rules"); }
  catch (e) { $("page-error").textContent = e.message; $("page-error").hidden = false; return; }

  $("live").textContent = rules.revision
    ? "现行版本 " + rules.revision.slice(0, 12) + "，自 " + fmtTime(rules.activeSince) + " 起生效 · " + rules.items.length + " 个检查项"
      + (rules.watching ? " · 规则目录改动约 2 秒内自动生效" : "")
    : "没有生效的规则：请查看下方被拒绝的改动。";

  const problem = p => el("div", { class: "problem" }, el("span", { class: "where" },
    p.file + (p.line ? ":" + p.line + (p.column ? ":" + p.column : "") : "")), " ", p.severity === "warning" ? "警告：" : "错误：", p.message);

  // ---- items, with their examples on demand ----
  function renderItems() {
    const f = $("item-filter").value.trim();
    const items = rules.items.filter(i => !f || (i.title + i.id + Site.category(i.category)).includes(f));
    const groups = new Map();
    items.forEach(i => { if (!groups.has(i.category)) groups.set(i.category, []); groups.get(i.category).push(i); });
    /** How inspectors judged this item's findings in practice, with their reasons for overruling it. */
    function verdictSummary(v) {
      if (!v) return [];
      if (!v.accepted && !v.wrong) return [el("p", { class: "muted verdicts" }, "审核人员尚未对此项结果给出意见。")];
      return [el("p", { class: "verdicts" + (v.wrong ? " overruled" : "") }, "审核人员认可 " + v.accepted + " 次，判为有误 " + v.wrong + " 次"),
        ...v.reasons.map(r => el("div", { class: "example" }, el("span", { class: "muted" }, r.by + " · " + fmtTime(r.at) + " "),
          el("a", { href: "/checks/" + r.givenOnCheck }, "体检记录"), " 理由：" + r.reason))];
    }

    const nodes = [];
    for (const [category, list] of groups) {
      nodes.push(el("h3", { class: "category" }, Site.category(category) + "（" + list.length + "）"));
      list.forEach(i => {
        const examples = el("div", { class: "examples" });
        const details = el("details", {}, el("summary", {}, "例句与审核意见"), examples);
        details.addEventListener("toggle", async () => {
          if (!details.open || examples.dataset.loaded) return;
          examples.dataset.loaded = "1";
          examples.textContent = "正在读取……";
          try {
            const d = await json("/api/rules/" + encodeURIComponent(i.id));
            examples.replaceChildren(...(d.examples.length ? d.examples.map(x => el("div", { class: "example" },
              el("span", { class: "chip " + x.expected }, LABEL[x.expected] || x.expected), " ",
              el("span", { class: "muted" }, x.file + ":" + x.line), x.quote ? el("span", {}, " 证据：" + x.quote) : null,
              el("pre", {}, x.fragment))) : [el("p", { class: "muted" }, "此项没有例句。")]), ...verdictSummary(d.verdicts));
          } catch (e) { examples.textContent = e.message; }
        });
        nodes.push(el("div", { class: "rule-item", "data-id": i.id },
          el("div", { class: "head" }, el("span", { class: "title" }, i.title),
            el("span", { class: "sev-" + i.severity }, SEV[i.severity] || i.severity),
            el("span", { class: "pill" }, "权重 " + i.weight), el("span", { class: "id" }, i.id + " · " + i.file + ":" + i.line)),
          i.advice ? el("div", { class: "advice" }, "修改建议：" + i.advice) : null,
          i.basis ? el("div", { class: "basis" }, "依据：" + i.basis) : null, details));
      });
    }
    $("items").replaceChildren(...(nodes.length ? nodes : [el("p", { class: "empty" }, "没有符合条件的检查项。")]));
  }
  $("item-filter").addEventListener("input", renderItems);
  renderItems();

  if (!author) return;

  // ---- the last rejected change ----
  const r = rules.lastRejection;
  if (r) {
    $("rejection-card").hidden = false;
    $("rejection").replaceChildren(el("p", { class: "muted" }, fmtTime(r.at) + " · " + (r.source || "") + "，未生效，现行规则保持不变。"),
      ...r.problems.map(problem));
  }

  // ---- validate a file without activating it ----
  Site.picker($("rule-files"));
  $("validate").addEventListener("submit", async e => {
    e.preventDefault();
    const data = new FormData();
    if (!$("rule-files").files.length) { $("validation").replaceChildren(el("div", { class: "error-box" }, "请先选择要校验的规则文件。")); return; }
    for (const f of $("rule-files").files) data.append("file", f);
    $("validate-button").disabled = true;
    $("validation").replaceChildren(el("p", { class: "muted" }, "正在编译并运行例句……"));
    try {
      const res = await api("/api/rules/validate", { method: "POST", body: data });
      const v = await res.json().catch(() => ({}));
      if (!res.ok) throw new Error(v.message || ("校验失败（" + res.status + "）"));
      const ex = v.examples || [];
      const failed = ex.filter(x => !x.passed);
      $("validation").replaceChildren(...[
        v.valid ? el("div", { class: "ok-box", id: "validation-result" }, "校验通过：可以编译，" + ex.length + " 条例句全部符合预期（未生效）。")
          : el("div", { class: "error-box", id: "validation-result" }, "校验未通过：" + (v.errors || []).length + " 个错误"
            + (failed.length ? "，" + failed.length + " 条例句不符合预期" : "") + "。"),
        ...(v.errors || []).map(problem), ...(v.warnings || []).map(problem),
        failed.length ? el("h3", {}, "不符合预期的例句") : null,
        ...failed.map(x => el("div", { class: "problem" }, el("span", { class: "where" }, x.file + ":" + x.line), " " + x.item + " 应为 "
          + (LABEL[x.expected] || x.expected) + "：" + (x.failure || ""))),
        ex.length ? el("p", { class: "muted" }, "例句：" + (ex.length - failed.length) + " / " + ex.length + " 通过。") : null].filter(Boolean));
    } catch (err) {
      $("validation").replaceChildren(el("div", { class: "error-box" }, err.message));
    } finally { $("validate-button").disabled = false; }
  });

  // ---- revisions and what changed between them ----
  let revisions = [];
  try { revisions = await json("/api/rules/revisions"); } catch (e) { return; }
  $("revisions").tBodies[0].replaceChildren(...revisions.map((rev, n) => {
    const older = revisions[n + 1];
    const cell = el("td", {}, older ? el("button", { type: "button", class: "secondary", onclick: () => diff(older.revision, rev.revision) }, "查看改动")
      : el("span", { class: "muted" }, "最早的版本"));
    return el("tr", {}, el("td", { class: "nowrap" }, el("code", {}, rev.revision.slice(0, 12)), rev.live ? el("span", { class: "pill" }, "现行") : null),
      el("td", { class: "nowrap" }, fmtTime(rev.activatedAt)), el("td", { class: "num" }, rev.itemCount), cell);
  }));

  async function diff(from, to) {
    $("diff").replaceChildren(el("p", { class: "muted" }, "正在比较……"));
    try {
      const [d, a, b] = await Promise.all([json(`/api/rules/revisions/${from}/diff/${to}`),
        json("/api/rules/revisions/" + from), json("/api/rules/revisions/" + to)]);
      const parts = [el("h3", {}, from.slice(0, 12) + " → " + to.slice(0, 12))];
      d.added.forEach(f => parts.push(el("div", { class: "diff-added" }, "＋ 新增 " + f)));
      d.removed.forEach(f => parts.push(el("div", { class: "diff-removed" }, "－ 删除 " + f)));
      d.changed.forEach(f => parts.push(el("div", { class: "diff-changed" }, "± 修改 " + f), el("pre", { class: "code" }, lineDiff(a.files[f] || "", b.files[f] || ""))));
      if (parts.length === 1) parts.push(el("p", { class: "muted" }, "文件内容相同。"));
      $("diff").replaceChildren(...parts);
    } catch (e) { $("diff").replaceChildren(el("p", { class: "error-box" }, e.message)); }
  }

  /** The changed lines of a file, with a little context, as "- old" / "+ new". */
  function lineDiff(x, y) {
    const a = x.split("\n"), b = y.split("\n");
    if (a.length * b.length > 4e6) return "（文件太大，不显示逐行改动）";
    const n = a.length, m = b.length, L = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i][j] = a[i] === b[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
    const out = [];
    let i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[i] === b[j]) { out.push(["  ", a[i], i + 1]); i++; j++; }
      else if (j < m && (i >= n || L[i][j + 1] >= L[i + 1][j])) { out.push(["+ ", b[j], j + 1]); j++; }
      else { out.push(["- ", a[i], i + 1]); i++; }
    }
    const keep = out.map((o, k) => o[0] !== "  " || out.slice(Math.max(0, k - 2), k + 3).some(p => p[0] !== "  "));
    const lines = [];
    out.forEach((o, k) => { if (keep[k]) lines.push(o[0] + o[1]); else if (keep[k - 1]) lines.push("  …"); });
    return lines.join("\n");
  }
})();
