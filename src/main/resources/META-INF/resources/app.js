// The page's script; kept out of index.html so that the Content-Security-Policy allows no inline script.
const LABEL = { FAIL: "不通过", WARN: "需注意", NOT_APPLICABLE: "不适用", PASS: "通过" };
const $ = id => document.getElementById(id);
let result = null;
let shown = new Set(["FAIL", "WARN", "NOT_APPLICABLE", "PASS"]);

// The page's own requests say so: a 401 then comes without the Basic challenge, which would make the browser
// pop up its password dialog instead of the page offering its login link.
function api(url, options = {}) {
  return fetch(url, { ...options, headers: { ...(options.headers || {}), "X-Requested-With": "fetch" } });
}

// Who is signed in, in the header: a name and 退出, or 登录.
async function showUser() {
  const box = $("user");
  box.replaceChildren();
  const link = (href, text) => { const a = document.createElement("a"); a.href = href; a.textContent = text; return a; };
  try {
    const me = await (await api("/api/me")).json();
    if (me.name) {
      const who = document.createElement("span");
      who.textContent = me.unit ? me.name + "（" + me.unit + "）" : me.name;
      box.append(who, link("/logout", "退出"));
    } else {
      box.append(link("/login", "登录"));
    }
  } catch (e) {
    box.append(link("/login", "登录"));
  }
}
showUser();

$("go").onclick = async () => {
  $("error").textContent = ""; $("go").disabled = true; $("status").textContent = "正在体检……";
  try {
    let response;
    const file = $("file").files[0];
    if (file) {
      const form = new FormData(); form.append("file", file);
      response = await api("/api/checks", { method: "POST", body: form });
    } else {
      response = await api("/api/checks", { method: "POST", headers: { "Content-Type": "text/plain; charset=UTF-8" }, body: $("input").value });
    }
    const body = await response.json();
    if (response.status === 401) { throw new Error("本服务要求登录后体检：请先登录（右上角）。"); }
    if (!response.ok) { throw new Error((body.message || "") + "\n" + (body.messageEn || "")); }
    result = body; render();
    history.replaceState(null, "", "#" + body.id);
    $("status").textContent = "完成";
  } catch (e) {
    $("error").textContent = e.message; $("status").textContent = "";
  } finally { $("go").disabled = false; }
};

// A stored check opens from its link: /#<check id> (the id every check answer and audit row carries).
async function openStored() {
  const id = location.hash.slice(1);
  if (!id) return;
  const response = await api("/api/checks/" + encodeURIComponent(id));
  if (response.ok) { result = await response.json(); render(); }
  else { $("error").textContent = "未找到体检记录 " + id; }
}
window.addEventListener("hashchange", openStored);
openStored();

function render() {
  const r = result;
  $("summary").innerHTML = `<div id="score">${r.score}</div><div><div class="grade">${r.grade}</div>
    <div>${esc(r.report.title || "（未识别标题）")}</div>
    <div class="meta">${esc(r.report.unit || "")} ${r.report.year || ""} · 规则版本 ${r.ruleSet.revision.slice(0, 12)}</div></div>`;
  $("notices").innerHTML = (r.notices || []).map(n => `<div class="notice">${esc(n)}</div>`).join("");
  $("filter").innerHTML = Object.keys(LABEL).map(s =>
    `<label><input type="checkbox" data-s="${s}" ${shown.has(s) ? "checked" : ""}> <span class="chip ${s}">${LABEL[s]} ${r.counts[s] || 0}</span></label>`).join("");
  $("filter").querySelectorAll("input").forEach(cb => cb.onchange = () => {
    cb.checked ? shown.add(cb.dataset.s) : shown.delete(cb.dataset.s); renderItems();
  });
  renderItems(); highlight(null);
}

function renderItems() {
  $("items").innerHTML = result.items.filter(i => shown.has(i.status)).map(i => `
    <div class="item" data-id="${i.id}">
      <span class="chip ${i.status}">${LABEL[i.status]}</span>
      <span class="title">${esc(i.title)}</span>
      <span class="meta">${i.id} · ${i.severity === "MANDATORY" ? "必查" : "建议"} · 权重${i.weight}</span>
      <div>${esc(i.message)}</div>
      ${i.status === "FAIL" || i.status === "WARN" ? `<div class="advice">修改建议：${esc(i.advice || "")}</div>` : ""}
    </div>`).join("");
  $("items").querySelectorAll(".item").forEach(el => el.onclick = () => {
    $("items").querySelectorAll(".item").forEach(x => x.classList.remove("active"));
    el.classList.add("active");
    highlight(result.items.find(i => i.id === el.dataset.id));
  });
}

function highlight(item) {
  const text = result.report.text;
  const spans = item ? [...item.evidence].sort((a, b) => a.start - b.start) : [];
  let html = "", at = 0;
  for (const e of spans) {
    if (e.start < at) continue;
    html += esc(text.slice(at, e.start)) + `<mark class="${item.status}">${esc(text.slice(e.start, e.end))}</mark>`;
    at = e.end;
  }
  $("text").innerHTML = html + esc(text.slice(at));
  const first = $("text").querySelector("mark");
  if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
}

function esc(s) { return String(s).replace(/[&<>"]/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c])); }
