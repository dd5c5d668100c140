// Helpers every page shares. No inline script on any page (the Content-Security-Policy forbids it).
"use strict";
const Site = (() => {
  const LABEL = { FAIL: "不通过", WARN: "需注意", NOT_APPLICABLE: "不适用", PASS: "通过" };
  // the rules' categories, in the words of the regulation's readers (an unknown category shows as written)
  const CATEGORY = { structure: "报告结构（五个部分）", disclosure: "应诉与案件数据", consistency: "数据前后一致",
    plan: "下一年度工作安排", meta: "标题与公开", citation: "引用文件", format: "公文格式", coverage: "工作内容覆盖",
    originality: "与其他单位比对", privacy: "个人信息与保密", style: "文风：少空话",
    continuity: "与上一年度对照" };
  const category = c => CATEGORY[c] || c || "其他";
  const STATE = { done: "已体检", failed: "失败", duplicate: "重复", running: "体检中", pending: "排队中", queued: "排队中" };
  const $ = id => document.getElementById(id);
  // The page's own requests say so: a 401 then comes without the Basic challenge (no browser password dialog).
  function api(url, options = {}) {
    return fetch(url, { ...options, headers: { ...(options.headers || {}), "X-Requested-With": "fetch" } });
  }
  async function json(url, options) {
    const r = await api(url, options);
    let body = null;
    try { body = await r.json(); } catch (e) { /* not JSON */ }
    if (r.status === 401) { location.href = "/login"; throw new Error("请先登录。"); }
    if (!r.ok) { throw new Error((body && body.message) || ("请求失败（" + r.status + "）")); }
    return body;
  }
  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  }
  /** Element builder: el("td", {class: "num"}, "text", child…). */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat()) { if (c != null) e.append(c instanceof Node ? c : String(c)); }
    return e;
  }
  const chip = status => el("span", { class: "chip " + status }, LABEL[status] || status);
  const grade = g => g ? el("span", { class: "grade g-" + g }, g) : el("span", { class: "muted" }, "—");
  const fmtScore = s => s == null ? "—" : Number(s).toFixed(1);
  function fmtTime(iso) {
    if (!iso) return "—";
    const d = new Date(iso);
    const p = n => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
  }
  /** A progress bar in 5 % steps (classes, not inline widths). */
  function progress(share, done) {
    const step = Math.max(0, Math.min(100, Math.round((share || 0) * 20) * 5));
    const bar = el("div", { class: "progress w" + step + (done ? " done" : ""), role: "progressbar", "aria-valuemin": "0",
      "aria-valuemax": "100", "aria-valuenow": String(Math.round((share || 0) * 100)) }, el("span"));
    return bar;
  }
  /** ECharts with the pages' colours; tooltips as rich text (no inline style attributes, see CSP). */
  const COLORS = ["#8e1b1b", "#c0652b", "#2f6690", "#3a7d44", "#7b5ea7", "#b08d2b"];
  function chart(node, option) {
    if (!window.echarts) return null;
    const c = echarts.init(node, null, { renderer: "canvas" });
    c.setOption({ color: COLORS, textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
      tooltip: { renderMode: "richText" }, animation: false, ...option });
    window.addEventListener("resize", () => c.resize());
    return c;
  }
  /** A file input shown as a Chinese button and the names chosen (the browser's own control speaks its locale). */
  function picker(input) {
    const picked = input.closest(".picker").querySelector(".picked");
    const show = () => {
      const files = [...input.files];
      picked.textContent = !files.length ? "未选择文件" : files.length === 1 ? files[0].name
        : files.length + " 个文件：" + files.slice(0, 3).map(f => f.name).join("、") + (files.length > 3 ? "……" : "");
    };
    input.addEventListener("change", show);
    input.form && input.form.addEventListener("reset", () => setTimeout(show));
    show();
  }
  return { picker, LABEL, CATEGORY, category, STATE, $, api, json, esc, el, chip, grade, fmtScore, fmtTime, progress, chart, COLORS };
})();
