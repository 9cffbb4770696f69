{% raw %}
// Reviewer decisions, made in the page and exported as YAML (schema: anonymiser/review/decisions_file.py).
// Plain JS, no server: the page is opened from disk. Text from the document is only ever set
// with textContent, never as HTML.
(function () {
  "use strict";
  const DATA = JSON.parse(document.getElementById("report-data").textContent);
  const items = DATA.items;
  const groups = DATA.groups;
  const state = {
    rejectAt: new Set(),     // item indexes: keep the original at that one place
    rejectAll: new Map(),    // normalised original -> original: keep it everywhere
    names: new Map(),        // group index -> new pseudonym
    adds: [],                // {id, text, type} or {id, text, person}
  };
  let nextAdd = 1;
  let unsaved = false;
  // Decisions this run already applied (from the decisions file it was given). They stay in
  // force, and in the export, unless the reviewer withdraws them or decides the same thing anew.
  const applied = (DATA.applied || []).map((a) => Object.assign({ withdrawn: false }, a));
  const appliedOn = new Map(); // item index -> the applied reject or add that changed it
  for (const a of applied) for (const i of a.items) appliedOn.set(i, a);
  const inForce = (a) => a && !a.withdrawn;

  const $ = (id) => document.getElementById(id);
  const norm = (s) => s.split(/\s+/).filter(Boolean).join(" ").toLowerCase();
  const el = (tag, props, ...kids) => {
    const e = document.createElement(tag);
    Object.assign(e, props || {});
    for (const k of kids) e.append(k);
    return e;
  };

  // Same rule as decisions.fit_case, so the page shows what a re-run will write.
  function fitCase(original, fresh, initial) {
    const letters = [...original].filter((c) => c.toLowerCase() !== c.toUpperCase());
    if (letters.length > 1 && letters.every((c) => c === c.toUpperCase()) && !fresh.startsWith("[")) return fresh.toUpperCase();
    const f = fresh.charAt(0);
    if (initial && f !== f.toUpperCase()) return f.toUpperCase() + fresh.slice(1);
    return fresh;
  }

  const appliedReject = (i) => { const a = appliedOn.get(i); return a && a.section === "reject" ? a : null; };
  const appliedAdd = (i) => { const a = appliedOn.get(i); return a && a.section === "add" ? a : null; };
  const isRejected = (i) => state.rejectAt.has(i) || state.rejectAll.has(norm(items[i].original)) ||
    inForce(appliedReject(i));
  // an item found only because of an addition the reviewer has now withdrawn
  const isUnadded = (i) => { const a = appliedAdd(i); return !!a && a.withdrawn; };

  function shownText(i) {
    const it = items[i];
    if (isRejected(i) || isUnadded(i)) return it.original;
    if (it.relabel && state.names.has(it.group)) return fitCase(it.original, state.names.get(it.group), it.initial);
    return it.replacement;
  }

  function refreshMark(i) {
    const m = $("r" + i);
    if (!m) return;
    m.textContent = shownText(i);
    m.classList.toggle("rejected", isRejected(i));
    m.classList.toggle("changed", !isRejected(i) && items[i].relabel && state.names.has(items[i].group));
    m.classList.toggle("applied", inForce(appliedOn.get(i)) ||
      (items[i].relabel && applied.some((a) => a.group === items[i].group && !state.names.has(a.group))));
    m.classList.toggle("withdrawn", !!appliedOn.get(i) && appliedOn.get(i).withdrawn);
  }
  const refreshAll = () => items.forEach((_, i) => refreshMark(i));

  function toast(msg) {
    const t = $("toast");
    t.textContent = msg;
    t.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { t.hidden = true; }, 2600);
  }

  function changed() {
    unsaved = true;
    refreshAll();
    renderList();
  }

  // ---- the popover shown when a replacement is clicked -------------------------------------
  const pop = $("pop");
  let popFor = null;

  function closePop() {
    pop.hidden = true;
    if (popFor !== null) { const m = $("r" + popFor); if (m) m.classList.remove("active"); }
    popFor = null;
  }

  function renameRow(g, after) {
    const input = el("input", { type: "text", placeholder: "new name", value: state.names.get(g) || "" });
    input.setAttribute("aria-label", "New name");
    const btn = el("button", { type: "button", textContent: "Rename" });
    const go = () => { rename(g, input.value); if (after) after(); };
    btn.addEventListener("click", go);
    input.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); go(); } });
    return el("span", { className: "rename" }, input, btn);
  }

  function openPop(i) {
    closePop();
    const it = items[i];
    const m = $("r" + i);
    popFor = i;
    m.classList.add("active");
    pop.replaceChildren();
    const close = el("button", { type: "button", className: "close", textContent: "×", title: "Close" });
    close.addEventListener("click", closePop);
    const chip = el("span", { className: "chip t-" + it.type, textContent: it.label });
    const dl = el("dl");
    const row = (k, v) => dl.append(el("dt", { textContent: k }), el("dd", { textContent: v }));
    row("Original", it.original);
    row("Replaced by", it.replacement || "(removed: the text already says who)");
    row("Found by", it.detectors.join(", "));
    row("Confidence", Math.round(it.score * 100) + "%" + (it.evidence && it.evidence.length ? " (" + it.evidence.join(", ") + ")" : ""));
    row("Rule", it.rule);
    pop.append(close, chip, dl);
    if (it.low) pop.append(el("div", { className: "lowwarn", textContent: "Low confidence: please check this one." }));
    const earlier = appliedOn.get(i);
    if (earlier) {
      pop.append(el("div", { className: "hint", textContent: (earlier.withdrawn ? "Withdrawn: " : "Applied in this run: ") +
        describe(earlier) + "." }));
    }
    const actions = el("div", { className: "actions" });
    if (inForce(appliedAdd(i))) {
      const undo = el("button", { type: "button", textContent: "Withdraw this addition" });
      undo.dataset.action = "withdraw";
      undo.addEventListener("click", () => { withdraw(appliedAdd(i), true); changed(); openPop(i); });
      actions.append(undo);
    } else if (isRejected(i)) {
      const undo = el("button", { type: "button", textContent: "Undo: replace it again" });
      undo.dataset.action = "undo";
      undo.addEventListener("click", () => {
        state.rejectAt.delete(i);
        state.rejectAll.delete(norm(it.original));
        const a = appliedReject(i);
        if (inForce(a)) {
          withdraw(a, true);
          // an earlier 'keep it everywhere' still holds for the other places
          if (!("offset" in a.entry)) a.items.filter((j) => j !== i).forEach((j) => state.rejectAt.add(j));
        }
        changed(); openPop(i);
      });
      actions.append(undo);
    } else if (!isUnadded(i)) {
      const here = el("button", { type: "button", textContent: "Keep the original here" });
      here.dataset.action = "reject";
      here.addEventListener("click", () => { state.rejectAt.add(i); changed(); openPop(i); });
      actions.append(here);
      if (it.same > 1) {
        const all = el("button", { type: "button", textContent: "Keep it everywhere (" + it.same + ")" });
        all.dataset.action = "reject-all";
        all.addEventListener("click", () => { state.rejectAll.set(norm(it.original), it.original); changed(); openPop(i); });
        actions.append(all);
      }
    }
    pop.append(actions);
    if (it.relabel && groups[it.group].renamable) {
      const g = groups[it.group];
      pop.append(el("div", { className: "hint", textContent: "Call " + (g.person ? "this person" : "this") +
        " something else (all " + g.count + " mentions):" }), renameRow(it.group, () => openPop(i)));
    }
    pop.hidden = false;
    placePop();
  }

  // Keep the popover by its replacement as the text or the page scrolls.
  function placePop() {
    if (popFor === null) return;
    const r = $("r" + popFor).getBoundingClientRect();
    const w = pop.offsetWidth, h = pop.offsetHeight;
    let top = r.bottom + 6;
    if (top + h > window.innerHeight - 8) top = Math.max(8, r.top - h - 6);
    pop.style.top = top + "px";
    pop.style.left = Math.max(8, Math.min(r.left, window.innerWidth - w - 8)) + "px";
  }

  const docText = $("doc-text");
  docText.addEventListener("click", (e) => {
    const m = e.target.closest("mark.r");
    if (m) { e.stopPropagation(); openPop(Number(m.dataset.i)); }
  });
  docText.addEventListener("keydown", (e) => {
    const m = e.target.closest("mark.r");
    if (m && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); openPop(Number(m.dataset.i)); }
  });
  // composedPath, not contains(): a popover button may have re-rendered the popover by now
  document.addEventListener("click", (e) => { if (!pop.hidden && !e.composedPath().includes(pop)) closePop(); });
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") closePop(); });
  docText.addEventListener("scroll", placePop, { passive: true });
  window.addEventListener("scroll", placePop, { passive: true });
  window.addEventListener("resize", placePop);

  function goTo(i) {
    const m = $("r" + i);
    m.scrollIntoView({ block: "center" });
    setTimeout(() => openPop(i), 350);
  }
  document.querySelectorAll("[data-goto]").forEach((b) =>
    b.addEventListener("click", (e) => { e.stopPropagation(); goTo(Number(b.dataset.goto)); }));

  // ---- renaming -----------------------------------------------------------------------------
  function rename(g, value) {
    const name = value.split(/\s+/).filter(Boolean).join(" ");
    if (name) state.names.set(g, name); else state.names.delete(g);
    const row = document.querySelector('tr[data-g="' + g + '"]');
    if (row) {
      row.classList.toggle("renamed", !!name);
      const input = row.querySelector("input");
      if (input) input.value = name;
    }
    changed();
    toast(name ? "Renamed to “" + name + "”" : "Name change removed");
  }
  document.querySelectorAll("[data-rename]").forEach((b) => {
    const g = Number(b.dataset.rename);
    const input = document.querySelector('input[data-g="' + g + '"]');
    b.addEventListener("click", () => rename(g, input.value));
    input.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); rename(g, input.value); } });
  });

  // ---- highlighting text that is not a replacement (added names, a clicked kept word) -------
  const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

  function highlight(text, className, attrs) {
    const words = text.split(/\s+/).filter(Boolean).map(escapeRe);
    if (!words.length) return [];
    const re = new RegExp("(?<![\\p{L}\\p{N}_])" + words.join("\\s+") + "(?![\\p{L}\\p{N}_])", "giu");
    const walker = document.createTreeWalker(docText, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => n.parentElement.closest("mark") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    const made = [];
    for (const node of nodes) {
      const s = node.nodeValue;
      re.lastIndex = 0;
      let m, pos = 0;
      const frag = document.createDocumentFragment();
      while ((m = re.exec(s)) !== null) {
        frag.append(s.slice(pos, m.index));
        const mk = el("mark", { className, textContent: m[0] });
        Object.assign(mk.dataset, attrs || {});
        frag.append(mk);
        made.push(mk);
        pos = m.index + m[0].length;
      }
      if (pos > 0) {
        frag.append(s.slice(pos));
        node.replaceWith(frag);
      }
    }
    return made;
  }

  function unhighlight(selector) {
    docText.querySelectorAll(selector).forEach((mk) => mk.replaceWith(document.createTextNode(mk.textContent)));
    docText.normalize();
  }

  // ---- adding a missed name -----------------------------------------------------------------
  const addText = $("add-text"), addKind = $("add-kind"), addForm = $("add-form");

  function prefill(text) {
    addText.value = text;
    addForm.classList.remove("flash");
    void addForm.offsetWidth; // restart the animation
    addForm.classList.add("flash");
  }

  docText.addEventListener("mouseup", () => {
    const sel = window.getSelection();
    const text = sel ? sel.toString().trim() : "";
    if (text.length >= 2 && text.length <= 120 && !/\n/.test(text)) {
      prefill(text);
      toast("“" + text + "” is ready to add: choose what it is and press Add");
    }
  });

  addForm.addEventListener("submit", (e) => {
    e.preventDefault();
    const text = addText.value.split(/\s+/).filter(Boolean).join(" ");
    if ((text.match(/[\p{L}\p{N}]/gu) || []).length < 2) { toast("Type or select at least two letters or digits."); return; }
    const [kind, value] = [addKind.value.slice(0, addKind.value.indexOf(":")), addKind.value.slice(addKind.value.indexOf(":") + 1)];
    const add = { id: nextAdd++, text };
    if (kind === "person") add.person = value; else add.type = value;
    state.adds.push(add);
    unhighlight("mark.found");
    const found = highlight(text, "added" + (add.type ? " t-" + add.type : ""), { add: String(add.id) });
    addText.value = "";
    changed();
    toast("Added “" + text + "”: " + found.length + " more place" + (found.length === 1 ? "" : "s") + " in the text");
  });

  // ---- the kept-as-is list ------------------------------------------------------------------
  document.querySelectorAll("button.kept-term").forEach((b) => b.addEventListener("click", () => {
    const text = b.dataset.text;
    prefill(text);
    unhighlight("mark.found");
    const found = highlight(text, "found");
    if (found.length) found[0].scrollIntoView({ block: "center" });
    addText.scrollIntoView({ block: "nearest" });
    toast("Showing “" + text + "” in the text (" + found.length + "). Press Add if it should be replaced.");
  }));
  $("kept-filter").addEventListener("input", (e) => {
    const q = e.target.value.toLowerCase();
    document.querySelectorAll("ul.kept li").forEach((li) =>
      li.classList.toggle("hide", !!q && !li.textContent.toLowerCase().includes(q)));
  });

  // ---- the list of decisions ----------------------------------------------------------------
  // What a decision says, in words, from its file entry.
  function describe(a) {
    const e = a.entry;
    if (a.section === "reject") return "Keep “" + e.original + "” " + ("offset" in e ? "here" : "everywhere");
    if (a.section === "pseudonyms") {
      const who = a.group !== null && a.group !== undefined ? groups[a.group].name : (e.person || e.original);
      return "Call “" + who.replace(/^register:/, "") + "” " + e.pseudonym;
    }
    return "Add “" + e.text + "” as " + (e.person ? e.person : addKindLabel(e.type));
  }

  function withdraw(a, gone) {
    a.withdrawn = gone;
    if (!gone && a.section === "reject") a.items.forEach((j) => state.rejectAt.delete(j));
  }

  function renderList() {
    const list = $("decisions-list");
    list.replaceChildren();
    const entry = (text, undo) => {
      const x = el("button", { type: "button", textContent: "✕", title: "Remove this decision" });
      x.addEventListener("click", (e) => { e.stopPropagation(); undo(); changed(); });
      list.append(el("li", {}, el("span", { textContent: text }), x));
    };
    const used = exportEntries();
    for (const a of applied) {
      const overridden = !a.withdrawn && !used.keptApplied.has(a);
      const li = el("li", { className: "applied" + (a.withdrawn ? " withdrawn" : "") });
      li.dataset.applied = String(a.id);
      const note = a.withdrawn ? "withdrawn" : overridden ? "replaced by a new decision" :
        a.matches ? "applied" + (a.matches > 1 ? " ×" + a.matches : "") : "applied; not found in this document";
      li.append(el("span", { textContent: describe(a) }), el("small", { className: "state", textContent: note }));
      if (a.section !== "pseudonyms") {
        const x = el("button", { type: "button", textContent: a.withdrawn ? "↺" : "✕",
          title: a.withdrawn ? "Apply it again" : "Withdraw this decision" });
        x.dataset.action = a.withdrawn ? "restore" : "withdraw";
        x.addEventListener("click", (e) => { e.stopPropagation(); withdraw(a, !a.withdrawn); changed(); });
        li.append(x);
      } else {
        li.title = "To change it, rename the person again in the people table.";
      }
      list.append(li);
    }
    for (const [key, original] of state.rejectAll) {
      entry("Keep “" + original + "” everywhere", () => state.rejectAll.delete(key));
    }
    for (const i of [...state.rejectAt].sort((a, b) => a - b)) {
      if (state.rejectAll.has(norm(items[i].original))) continue;
      entry("Keep “" + items[i].original + "” here", () => state.rejectAt.delete(i));
    }
    for (const [g, name] of state.names) {
      entry("Call “" + groups[g].name + "” " + name, () => {
        state.names.delete(g);
        const row = document.querySelector('tr[data-g="' + g + '"]');
        if (row) { row.classList.remove("renamed"); const inp = row.querySelector("input"); if (inp) inp.value = ""; }
      });
    }
    for (const add of state.adds) {
      entry("Add “" + add.text + "” as " + (add.person ? add.person : addKindLabel(add.type)), () => {
        state.adds = state.adds.filter((a) => a !== add);
        unhighlight('mark.added[data-add="' + add.id + '"]');
      });
    }
    if (!list.children.length) list.append(el("li", { className: "none", textContent: "No decisions yet." }));
    $("n-decisions").textContent = String(used.count);
  }

  function addKindLabel(type) {
    const opt = addKind.querySelector('option[value="type:' + type + '"]');
    return opt ? opt.textContent : type;
  }

  // ---- export -------------------------------------------------------------------------------
  // A JSON string is a valid YAML double-quoted scalar once YAML's extra line breaks are escaped.
  const yq = (s) => JSON.stringify(String(s)).replace(/[\u0085\u2028\u2029\ufeff]/g,
    (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));

  // Who a pseudonym change is about, as decisions._pseudonym_target says.
  const target = (e) => e.person ? "person|" + norm(e.person).replace(/^register:/, "") : "original|" + norm(e.original);

  // Every decision in force, by section, merged as ReviewerDecisions.merged does: the applied
  // ones not withdrawn nor decided anew, then this round's.
  function exportEntries() {
    const fresh = { reject: [], pseudonyms: [], add: [] };
    for (const original of state.rejectAll.values()) fresh.reject.push({ original });
    for (const i of [...state.rejectAt].sort((a, b) => a - b)) {
      if (state.rejectAll.has(norm(items[i].original))) continue;
      fresh.reject.push({ original: items[i].original, offset: items[i].offset });
    }
    for (const [g, name] of state.names) {
      const grp = groups[g];
      fresh.pseudonyms.push(grp.person ? { person: grp.person, pseudonym: name } : { original: grp.original, pseudonym: name });
    }
    for (const add of state.adds) fresh.add.push(add.person ? { text: add.text, person: add.person } : { text: add.text, type: add.type });
    const everywhere = new Set(fresh.reject.filter((e) => !("offset" in e)).map((e) => norm(e.original)));
    const rejected = new Set(fresh.reject.map((e) => norm(e.original) + "|" + ("offset" in e ? e.offset : "")));
    const named = new Set(fresh.pseudonyms.map(target));
    const addedText = new Set(fresh.add.map((e) => norm(e.text)));
    const keep = (a) => {
      if (a.withdrawn) return false;
      const e = a.entry;
      if (a.section === "reject") {
        return !everywhere.has(norm(e.original)) && !rejected.has(norm(e.original) + "|" + ("offset" in e ? e.offset : ""));
      }
      if (a.section === "pseudonyms") return !named.has(target(e)) && !(a.group !== null && state.names.has(a.group));
      return !addedText.has(norm(e.text));
    };
    const keptApplied = new Set(applied.filter(keep));
    const sections = {};
    let count = 0;
    for (const [section] of DATA.fields) {
      sections[section] = [...applied.filter((a) => a.section === section && keptApplied.has(a)).map((a) => a.entry),
        ...fresh[section]];
      count += sections[section].length;
    }
    return { sections, keptApplied, count };
  }

  // Same text as decisions.dump_decisions.
  function buildYaml() {
    const out = [
      "# Reviewer decisions from the anonymiser report (schema: anonymiser/review/decisions_file.py).",
      "# CONFIDENTIAL: this file holds original names. Keep it private; never publish it.",
      "document: " + yq(DATA.document),
    ];
    const { sections } = exportEntries();
    for (const [section, fields] of DATA.fields) {
      const entries = sections[section];
      if (!entries.length) continue;
      out.push(section + ":");
      for (const entry of entries) {
        fields.filter((k) => entry[k] !== undefined && entry[k] !== null).forEach((k, n) =>
          out.push((n ? "    " : "  - ") + k + ": " + (typeof entry[k] === "number" || k === "type" ? String(entry[k]) : yq(entry[k]))));
      }
    }
    return out.join("\n") + "\n";
  }

  $("export").addEventListener("click", () => {
    const blob = new Blob([buildYaml()], { type: "application/x-yaml" });
    const a = el("a", { href: URL.createObjectURL(blob), download: DATA.file_stem + ".decisions.yaml" });
    document.body.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 2000);
    unsaved = false;
    toast("Saved " + DATA.file_stem + ".decisions.yaml: send it to whoever runs the anonymiser");
  });
  // The reviewer's kept terms (every "Keep original" decision) as keep-list lines
  // (config/keep_list.py), to add to the partnership's keep file so they are not replaced again.
  // Only the names of organisations and places go in: a person's name, or anything else about
  // one family, kept once must never be kept in every later review, and the draft's own file
  // name stays out of a file the partnership shares.
  const KEEPABLE = new Set(["ORGANISATION", "LOCATION"]);
  function buildKeepList() {
    const { sections } = exportEntries();
    const types = new Map();
    for (const it of items) {
      const key = norm(it.original);
      if (!types.has(key)) types.set(key, new Set());
      types.get(key).add(it.type);
    }
    const keepable = (original) => [...(types.get(norm(original)) || [])].every((t) => KEEPABLE.has(t)) &&
      types.has(norm(original));
    const terms = [...new Set(sections.reject.filter((e) => keepable(e.original))
      .map((e) => String(e.original).split(/\s+/).join(" ")))];
    return ["# Keep list: terms this partnership always keeps, one a line (anonymiser run --keep FILE).",
      "# Organisations and places a reviewer kept: add these lines to the partnership's keep file.",
      ...terms].join("\n") + "\n";
  }
  const keepButton = $("export-keep");
  if (keepButton) keepButton.addEventListener("click", () => {
    const blob = new Blob([buildKeepList()], { type: "text/plain" });
    const a = el("a", { href: URL.createObjectURL(blob), download: DATA.file_stem + ".keep.txt" });
    document.body.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 2000);
    toast("Saved " + DATA.file_stem + ".keep.txt: add its lines to the partnership's keep list");
  });
  window.anonymiserKeepList = buildKeepList;
  window.addEventListener("beforeunload", (e) => { if (unsaved) { e.preventDefault(); e.returnValue = ""; } });

  // for tests and the curious: the YAML the Export button would save
  window.anonymiserDecisionsYaml = buildYaml;
  for (const a of applied) {
    const row = a.section === "pseudonyms" && a.group !== null ? document.querySelector('tr[data-g="' + a.group + '"]') : null;
    if (row) { row.classList.add("applied"); row.title = "Renamed by an earlier decision: " + describe(a); }
  }
  refreshAll();
  renderList();
})();
{% endraw %}
