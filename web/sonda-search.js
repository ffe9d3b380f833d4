// Sonda's search widget: <sonda-search endpoint="https://…" facets="country,topic,lang" lang="fr" [api-key="…"]>.
// Plain JavaScript, no framework, no build step; served by sonda-serve at /widget.js.
(() => {
  "use strict";

  const STRINGS = {
    fr: {
      search: "Rechercher dans les documents",
      placeholder: "Rechercher… (ex. châtiments corporels)",
      submit: "Rechercher",
      allLanguages: "Toutes les langues",
      french: "Français",
      spanish: "Espagnol",
      language: "Langue des documents",
      sort: "Trier par",
      relevance: "Pertinence",
      newest: "Plus récents",
      oldest: "Plus anciens",
      years: "Années",
      from: "De",
      to: "À",
      filters: "Filtres",
      clear: "Effacer les filtres",
      loading: "Recherche en cours…",
      error: "La recherche n'a pas abouti. Vérifiez votre connexion.",
      retry: "Réessayer",
      none: (q) => (q ? `Aucun document ne correspond à « ${q} ».` : "Aucun document."),
      count: (n, q) => `${n.toLocaleString("fr")} ${n > 1 ? "documents" : "document"}${q ? ` pour « ${q} »` : ""}`,
      partial: "Aucun document ne contient tous les mots : voici les plus proches.",
      incomplete: "Une partie des documents est momentanément inaccessible : ces résultats sont incomplets.",
      didYouMean: "Vouliez-vous dire",
      correctedFor: (q) => `Résultats pour « ${q} »`,
      alsoOther: "Chercher aussi en espagnol",
      translatedAs: (list) => `Aussi cherché en espagnol : ${list}`,
      similar: "Documents similaires",
      similarTo: (title) => `Documents similaires à « ${title} »`,
      back: "Retour aux résultats",
      exportMenu: "Exporter",
      csv: "Tableur (CSV)",
      ris: "Zotero, EndNote… (RIS)",
      feed: "Flux Atom des nouveaux documents",
      results: "Résultats",
      pages: "Pages",
      previous: "Précédent",
      next: "Suivant",
      page: (n) => `Page ${n}`,
      facets: {
        country: "Pays", region: "Région", organisation: "Organisation", topic: "Thème",
        type: "Type de document", lang: "Langue", year: "Année", format: "Format",
      },
    },
    es: {
      search: "Buscar en los documentos",
      placeholder: "Buscar… (p. ej. castigo físico)",
      submit: "Buscar",
      allLanguages: "Todos los idiomas",
      french: "Francés",
      spanish: "Español",
      language: "Idioma de los documentos",
      sort: "Ordenar por",
      relevance: "Relevancia",
      newest: "Más recientes",
      oldest: "Más antiguos",
      years: "Años",
      from: "Desde",
      to: "Hasta",
      filters: "Filtros",
      clear: "Quitar los filtros",
      loading: "Buscando…",
      error: "La búsqueda no se pudo completar. Revise su conexión.",
      retry: "Reintentar",
      none: (q) => (q ? `Ningún documento coincide con «${q}».` : "Ningún documento."),
      count: (n, q) => `${n.toLocaleString("es")} ${n > 1 ? "documentos" : "documento"}${q ? ` para «${q}»` : ""}`,
      partial: "Ningún documento contiene todas las palabras: estos son los más cercanos.",
      incomplete: "Una parte de los documentos no está disponible por el momento: estos resultados están incompletos.",
      didYouMean: "Quizás quiso decir",
      correctedFor: (q) => `Resultados para «${q}»`,
      alsoOther: "Buscar también en francés",
      translatedAs: (list) => `También buscado en francés: ${list}`,
      similar: "Documentos similares",
      similarTo: (title) => `Documentos similares a «${title}»`,
      back: "Volver a los resultados",
      exportMenu: "Exportar",
      csv: "Hoja de cálculo (CSV)",
      ris: "Zotero, EndNote… (RIS)",
      feed: "Canal Atom de documentos nuevos",
      results: "Resultados",
      pages: "Páginas",
      previous: "Anterior",
      next: "Siguiente",
      page: (n) => `Página ${n}`,
      facets: {
        country: "País", region: "Región", organisation: "Organización", topic: "Tema",
        type: "Tipo de documento", lang: "Idioma", year: "Año", format: "Formato",
      },
    },
  };

  const STYLE = `
    :host { display: block; font-family: var(--sonda-font, system-ui, sans-serif); color: var(--sonda-text, #1d232b);
            background: var(--sonda-background, transparent); line-height: 1.45; }
    * { box-sizing: border-box; }
    form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin-bottom: 1rem; }
    .query { flex: 1 1 18rem; display: flex; gap: .5rem; }
    input, select, button { font: inherit; color: inherit; }
    input[type=search] { flex: 1; padding: .6rem .8rem; border: 1px solid var(--sonda-border, #b8c0cc);
            border-radius: var(--sonda-radius, .4rem); }
    select, input[type=number] { padding: .45rem; border: 1px solid var(--sonda-border, #b8c0cc);
            border-radius: var(--sonda-radius, .4rem); background: #fff; }
    input[type=number] { width: 6rem; }
    button { padding: .55rem .9rem; border: 0; border-radius: var(--sonda-radius, .4rem); cursor: pointer;
             background: var(--sonda-accent, #0b6e4f); color: var(--sonda-accent-text, #fff); }
    button[disabled] { opacity: .45; cursor: default; }
    button.link { background: none; color: var(--sonda-accent, #0b6e4f); padding: 0; text-decoration: underline; }
    label.inline { display: flex; flex-direction: column; font-size: .8rem; color: var(--sonda-muted, #5b6573); }
    label.inline.cross { flex-direction: row; align-items: center; gap: .35rem; align-self: flex-end; padding-bottom: .55rem; }
    fieldset { border: 0; padding: 0; margin: 0 0 1rem; }
    legend { font-weight: 600; margin-bottom: .3rem; }
    .years { display: flex; gap: .4rem; }
    .layout { display: grid; grid-template-columns: minmax(12rem, 16rem) 1fr; gap: 1.5rem; }
    .facets summary { font-weight: 600; cursor: pointer; margin-bottom: .5rem; }
    .facet label { display: flex; gap: .4rem; align-items: baseline; padding: .1rem 0; cursor: pointer; }
    .facet .count { margin-left: auto; color: var(--sonda-muted, #5b6573); font-size: .85rem; }
    .status { margin: 0 0 .75rem; color: var(--sonda-muted, #5b6573); }
    .result-bar { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; }
    .export summary { cursor: pointer; color: var(--sonda-link, #0b4f8a); }
    .export-links { display: flex; flex-direction: column; gap: .25rem; padding: .4rem 0; }
    .export-links a, .similar-note { font-size: .9rem; }
    .hit .similar { font-size: .85rem; margin-top: .25rem; }
    .status.error { color: var(--sonda-error, #a4262c); }
    .suggestion, .partial, .corrected, .translated { margin: 0 0 .75rem; }
    ol.hits { list-style: none; padding: 0; margin: 0; }
    ol.hits li { padding: .8rem 0; border-bottom: 1px solid var(--sonda-border, #e1e5ea); }
    ol.hits h3 { font-size: 1.05rem; margin: 0 0 .2rem; }
    ol.hits a { color: var(--sonda-link, #0b4f8a); }
    .meta { font-size: .85rem; color: var(--sonda-muted, #5b6573); margin: 0 0 .3rem; }
    .snippet { margin: 0; }
    mark { background: var(--sonda-mark-background, #fff0a8); color: inherit; padding: 0 .1em; border-radius: .15em; }
    nav.pages { display: flex; flex-wrap: wrap; gap: .35rem; margin-top: 1rem; }
    nav.pages button { background: var(--sonda-page-background, #eef1f4); color: inherit; }
    nav.pages button[aria-current=page] { background: var(--sonda-accent, #0b6e4f); color: var(--sonda-accent-text, #fff); }
    .busy { opacity: .55; }
    .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    @media (max-width: 720px) { .layout { grid-template-columns: 1fr; } .query { flex-basis: 100%; } }
  `;

  const PARAM = { q: "s_q", lang: "s_lang", filter: "s_filter", from: "s_from", to: "s_to", sort: "s_sort", page: "s_page",
    cross: "s_x" };
  const DEBOUNCE_MS = 250;

  // Creates an element with attributes, properties ("on…" listeners, "text") and children; never parses HTML.
  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else if (key === "text") node.textContent = value;
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  const ENTITIES = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&#39;": "'" };

  // The server's snippet is escaped text with <mark>…</mark>: marks become elements, everything else text.
  function snippetNodes(snippet) {
    const nodes = [];
    let marked = false;
    for (const part of String(snippet).split(/(<mark>|<\/mark>)/)) {
      if (part === "<mark>") { marked = true; continue; }
      if (part === "</mark>") { marked = false; continue; }
      if (!part) continue;
      const text = part.replace(/&(?:lt|gt|amp|quot|#39);/g, (entity) => ENTITIES[entity]);
      nodes.push(marked ? el("mark", { text }) : document.createTextNode(text));
    }
    return nodes;
  }

  function emptyState() {
    return { q: "", lang: "", filters: [], from: "", to: "", sort: "relevance", page: 1, cross: false };
  }

  class SondaSearch extends HTMLElement {
    constructor() {
      super();
      this.attachShadow({ mode: "open" });
      this.state = emptyState();
      this.sequence = 0;
      this.controller = null;
      this.timer = null;
      this.onPopState = () => this.load(false);
    }

    get strings() {
      const asked = (this.getAttribute("lang") || navigator.language || "fr").slice(0, 2).toLowerCase();
      return STRINGS[asked] || STRINGS.fr;
    }
    get uiLang() { return this.strings === STRINGS.es ? "es" : "fr"; }
    get endpoint() { return (this.getAttribute("endpoint") || "").replace(/\/+$/, ""); }
    // The search key of a server started with --api-key (sent as `Authorization: Bearer …`).
    get requestHeaders() {
      const key = this.getAttribute("api-key");
      return key ? { Accept: "application/json", Authorization: `Bearer ${key}` } : { Accept: "application/json" };
    }
    get facetNames() {
      return (this.getAttribute("facets") || "country,topic,type,lang,year").split(",").map((f) => f.trim()).filter(Boolean);
    }
    get hitsPerPage() { return Math.min(100, Math.max(1, parseInt(this.getAttribute("hits-per-page") || "10", 10) || 10)); }

    connectedCallback() {
      this.build();
      window.addEventListener("popstate", this.onPopState);
      this.load(false);
    }

    disconnectedCallback() {
      window.removeEventListener("popstate", this.onPopState);
      if (this.controller) this.controller.abort();
    }

    // The fixed frame: form, status, facets and results containers.
    build() {
      const t = this.strings;
      const style = el("style", { text: STYLE });
      this.input = el("input", {
        type: "search", name: "q", "aria-label": t.search, placeholder: t.placeholder, autocomplete: "off",
        oninput: () => this.typed(),
        onkeydown: (event) => { if (event.key === "Escape") { this.input.value = ""; this.typed(); } },
      });
      this.langSelect = el("select", { "aria-label": t.language, onchange: () => this.change({ lang: this.langSelect.value }) },
        el("option", { value: "", text: t.allLanguages }), el("option", { value: "fr", text: t.french }),
        el("option", { value: "es", text: t.spanish }));
      this.sortSelect = el("select", { "aria-label": t.sort, onchange: () => this.change({ sort: this.sortSelect.value }) },
        el("option", { value: "relevance", text: t.relevance }), el("option", { value: "date:desc", text: t.newest }),
        el("option", { value: "date:asc", text: t.oldest }));
      const year = (label) => el("input", { type: "number", min: 1900, max: 2100, step: 1, "aria-label": `${t.years} : ${label}`,
        onchange: () => this.change({ from: this.fromInput.value, to: this.toInput.value }) });
      // The query is taken as written in the interface's language and also searched translated.
      this.crossBox = el("input", { type: "checkbox", onchange: () => this.change({ cross: this.crossBox.checked }) });
      this.fromInput = year(t.from);
      this.toInput = year(t.to);
      const form = el("form", { role: "search", onsubmit: (event) => { event.preventDefault(); this.submitNow(); } },
        el("div", { class: "query" }, this.input, el("button", { type: "submit", text: t.submit })),
        el("label", { class: "inline" }, t.language, this.langSelect),
        el("label", { class: "inline" }, t.sort, this.sortSelect),
        el("label", { class: "inline cross" }, this.crossBox, t.alsoOther),
        el("fieldset", { class: "years" }, el("legend", { class: "sr-only", text: t.years }),
          el("label", { class: "inline" }, t.from, this.fromInput), el("label", { class: "inline" }, t.to, this.toInput)));
      this.status = el("p", { class: "status", role: "status", "aria-live": "polite" });
      this.suggestion = el("p", { class: "suggestion", hidden: true });
      this.partial = el("p", { class: "partial", hidden: true, text: t.partial });
      this.corrected = el("p", { class: "corrected", role: "note", hidden: true });
      this.translated = el("p", { class: "translated", role: "note", hidden: true });
      this.incomplete = el("p", { class: "partial incomplete", role: "note", hidden: true, text: t.incomplete });
      this.facetPanel = el("div", { class: "facet-list" });
      this.clearButton = el("button", { type: "button", class: "link", text: t.clear, hidden: true,
        onclick: () => this.change({ filters: [] }) });
      this.hitList = el("ol", { class: "hits", "aria-label": t.results });
      this.similarNote = el("p", { class: "similar-note", role: "note", hidden: true });
      this.exportLinks = el("div", { class: "export-links" });
      this.exportMenu = el("details", { class: "export" }, el("summary", { text: t.exportMenu }), this.exportLinks);
      this.pager = el("nav", { class: "pages", "aria-label": t.pages });
      const facets = el("details", { class: "facets", open: true },
        el("summary", { text: t.filters }), this.facetPanel, this.clearButton);
      const results = el("section", { class: "results", "aria-label": t.results },
        el("div", { class: "result-bar" }, this.status, this.exportMenu), this.similarNote, this.incomplete,
        this.corrected, this.translated, this.suggestion, this.partial, this.hitList, this.pager);
      this.shadowRoot.replaceChildren(style, form, el("div", { class: "layout" }, facets, results));
    }

    // Reads the state from the page URL (on load and on back/forward), then searches.
    load(push) {
      const params = new URLSearchParams(window.location.search);
      this.state = {
        q: params.get(PARAM.q) || "",
        lang: params.get(PARAM.lang) || "",
        filters: params.getAll(PARAM.filter).filter((f) => f.includes(":")),
        from: params.get(PARAM.from) || "",
        to: params.get(PARAM.to) || "",
        sort: params.get(PARAM.sort) || "relevance",
        page: Math.max(1, parseInt(params.get(PARAM.page) || "1", 10) || 1),
        cross: params.get(PARAM.cross) === "1",
      };
      this.input.value = this.state.q;
      this.langSelect.value = this.state.lang;
      this.crossBox.checked = this.state.cross;
      this.sortSelect.value = this.state.sort;
      this.fromInput.value = this.state.from;
      this.toInput.value = this.state.to;
      this.search(push);
    }

    // Writes the state into the page URL, keeping the host page's own parameters.
    saveUrl(push) {
      const params = new URLSearchParams(window.location.search);
      Object.values(PARAM).forEach((key) => params.delete(key));
      const s = this.state;
      if (s.q) params.set(PARAM.q, s.q);
      if (s.lang) params.set(PARAM.lang, s.lang);
      s.filters.forEach((f) => params.append(PARAM.filter, f));
      if (s.from) params.set(PARAM.from, s.from);
      if (s.to) params.set(PARAM.to, s.to);
      if (s.sort !== "relevance") params.set(PARAM.sort, s.sort);
      if (s.page > 1) params.set(PARAM.page, String(s.page));
      if (s.cross) params.set(PARAM.cross, "1");
      const query = params.toString();
      const url = window.location.pathname + (query ? `?${query}` : "") + window.location.hash;
      if (url === window.location.pathname + window.location.search + window.location.hash) return;
      if (push) window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    }

    // Typing: wait for a pause, then search; the URL follows without filling the history.
    typed() {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.state = { ...this.state, q: this.input.value.trim(), page: 1 };
        this.saveUrl(false);
        this.search();
      }, DEBOUNCE_MS);
    }

    submitNow() {
      clearTimeout(this.timer);
      this.change({ q: this.input.value.trim() });
    }

    // A deliberate change (filter, page, sort…): a new history entry, then a search.
    change(update) {
      const resetsPage = !("page" in update);
      this.state = { ...this.state, ...update, ...(resetsPage ? { page: 1 } : {}) };
      this.saveUrl(true);
      this.search();
    }

    // The /search address of the current state: a page of JSON, or with `format` every match as csv, ris
    // or an Atom feed.
    requestUrl(format = "") {
      const s = this.state;
      const params = new URLSearchParams();
      params.set("q", s.q);
      if (s.lang) params.set("lang", s.lang);
      s.filters.forEach((f) => params.append("filter", f));
      params.set("facets", this.facetNames.join(","));
      if (/^\d{4}$/.test(s.from)) params.set("from", s.from);
      if (/^\d{4}$/.test(s.to)) params.set("to", s.to);
      if (s.sort !== "relevance") params.set("sort", s.sort);
      params.set("page", String(s.page));
      params.set("hitsPerPage", String(this.hitsPerPage));
      params.set("hl", this.uiLang);
      if (s.cross) {
        params.set("crossLanguage", "true");
        params.set("queryLang", this.uiLang);
      }
      if (format) {
        ["facets", "page", "hitsPerPage"].forEach((name) => params.delete(name));
        params.set("format", format);
      }
      return `${this.endpoint}/search?${params}`;
    }

    // Links to take the current query and filters away; with a key, downloads go through fetch.
    renderExports() {
      const t = this.strings;
      const link = (format, text) => {
        const href = this.requestUrl(format);
        const attributes = { href, text, "data-format": format };
        if (format !== "atom") attributes.download = `sonda.${format}`;
        if (this.getAttribute("api-key")) attributes.onclick = (event) => { event.preventDefault(); this.download(href, format); };
        return el("a", attributes);
      };
      this.exportLinks.replaceChildren(link("csv", t.csv), link("ris", t.ris), link("atom", t.feed));
    }

    async download(href, format) {
      const response = await fetch(href, { headers: this.requestHeaders });
      if (!response.ok) { this.showError(); return; }
      const url = URL.createObjectURL(await response.blob());
      const anchor = el("a", { href: url, download: `sonda.${format === "atom" ? "xml" : format}` });
      this.shadowRoot.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    }

    // Replaces the hits by the documents like `hit` (its own language and the other, through the
    // gazetteer's names), until the next search.
    async showSimilar(hit) {
      const t = this.strings;
      const sequence = ++this.sequence;
      this.showLoading();
      const params = new URLSearchParams({ hitsPerPage: String(this.hitsPerPage), hl: this.uiLang });
      try {
        const response = await fetch(`${this.endpoint}/documents/${encodeURIComponent(hit.id)}/similar?${params}`,
          { headers: this.requestHeaders });
        const body = await response.json();
        if (sequence !== this.sequence) return;
        if (!response.ok) throw new Error(body && body.error ? body.error.message : `HTTP ${response.status}`);
        this.hitList.classList.remove("busy");
        this.hitList.removeAttribute("aria-busy");
        this.status.textContent = t.similarTo(hit.title || hit.id);
        this.similarNote.hidden = false;
        this.similarNote.replaceChildren(el("button", { type: "button", class: "link back", text: t.back,
          onclick: () => this.search() }));
        this.hitList.replaceChildren(...body.hits.map((other) => this.renderHit(other)));
        this.pager.hidden = true;
      } catch (error) {
        if (sequence === this.sequence) this.showError();
      }
    }

    // Sends the search; an answer to an older request than the latest is dropped.
    async search() {
      const sequence = ++this.sequence;
      if (this.controller) this.controller.abort();
      this.controller = new AbortController();
      this.showLoading();
      try {
        const response = await fetch(this.requestUrl(), { signal: this.controller.signal, headers: this.requestHeaders });
        const body = await response.json();
        if (sequence !== this.sequence) return;
        if (!response.ok) throw new Error(body && body.error ? body.error.message : `HTTP ${response.status}`);
        this.render(body);
      } catch (error) {
        if (error.name === "AbortError" || sequence !== this.sequence) return;
        this.showError();
      }
    }

    showLoading() {
      this.hitList.classList.add("busy");
      this.hitList.setAttribute("aria-busy", "true");
      this.status.classList.remove("error");
      this.status.textContent = this.strings.loading;
    }

    showError() {
      this.hitList.classList.remove("busy");
      this.hitList.removeAttribute("aria-busy");
      this.status.classList.add("error");
      this.status.replaceChildren(this.strings.error, " ",
        el("button", { type: "button", class: "link", text: this.strings.retry, onclick: () => this.search() }));
    }

    render(body) {
      const t = this.strings;
      this.similarNote.hidden = true;
      this.renderExports();
      this.hitList.classList.remove("busy");
      this.hitList.removeAttribute("aria-busy");
      this.status.textContent = body.totalHits ? t.count(body.totalHits, this.state.q) : t.none(this.state.q);
      this.renderSuggestion(body.suggestion);
      this.renderCorrections(body.corrections || {});
      const translations = Object.entries(body.translations || {});
      this.translated.hidden = translations.length === 0;
      this.translated.textContent = translations.length
        ? t.translatedAs(translations.map(([word, other]) => `${word} → ${other.join(", ")}`).join(" ; "))
        : "";
      this.partial.hidden = !body.partialMatch;
      this.incomplete.hidden = !body.partial;  // a shard of the index could not be searched
      this.hitList.replaceChildren(...body.hits.map((hit) => this.renderHit(hit)));
      this.renderFacets(body.facetDistribution || {});
      this.renderPages(body.page, body.totalPages);
    }

    // Words that matched as others a typo away: the query as it was searched ("Résultats pour …").
    renderCorrections(corrections) {
      const typed = Object.keys(corrections);
      this.corrected.hidden = typed.length === 0;
      if (!typed.length) return;
      const searched = this.state.q.split(/(\s+)/).map((word) => corrections[word] ?? word).join("");
      this.corrected.textContent = this.strings.correctedFor(searched);
    }

    renderSuggestion(suggestion) {
      this.suggestion.hidden = !suggestion;
      if (!suggestion) return;
      const params = new URLSearchParams(window.location.search);
      params.set(PARAM.q, suggestion);
      params.delete(PARAM.page);
      const link = el("a", { href: `?${params}`, class: "did-you-mean", text: suggestion, onclick: (event) => {
        event.preventDefault();
        this.input.value = suggestion;
        this.change({ q: suggestion });
      } });
      this.suggestion.replaceChildren(`${this.strings.didYouMean} `, link, " ?");
    }

    renderHit(hit) {
      // A PDF hit opens on the page its snippet stands on, a long page's hit at the section it stands in.
      const page = Number.isInteger(hit.page) ? hit.page : null;
      const anchor = hit.section && hit.section.anchor ? hit.section.anchor : null;
      const fragment = page ? `#page=${page}` : anchor ? `#${encodeURIComponent(anchor)}` : "";
      // Without a URL: the original file when the server serves it (`file`), else the stored document.
      const target = hit.url || (hit.file ? `${this.endpoint}${hit.file}` : null);
      const href = !target ? `${this.endpoint}/documents/${encodeURIComponent(hit.id)}`
        : fragment ? `${target.split("#")[0]}${fragment}` : target;
      const meta = [hit.type, (hit.country || []).join(", "), hit.year, (hit.lang || "").toUpperCase(), (hit.format || "").toUpperCase(),
        page ? `p. ${page}` : "", hit.section && hit.section.heading ? `§ ${hit.section.heading}` : ""]
        .filter((part) => part !== undefined && part !== null && part !== "").join(" · ");
      return el("li", { class: "hit", "data-id": hit.id },
        el("h3", {}, el("a", { href, text: hit.title || hit.id })),
        el("p", { class: "meta", text: meta }),
        el("p", { class: "snippet" }, snippetNodes(hit.snippet || "")),
        el("button", { type: "button", class: "link similar", text: this.strings.similar, onclick: () => this.showSimilar(hit) }));
    }

    renderFacets(distribution) {
      const t = this.strings;
      const selected = new Set(this.state.filters);
      this.clearButton.hidden = selected.size === 0;
      const groups = this.facetNames.map((field) => {
        const counts = { ...(distribution[field] || {}) };
        for (const filter of selected) {  // a chosen value stays visible even when nothing is left under it
          const [name, ...rest] = filter.split(":");
          if (name === field && !(rest.join(":") in counts)) counts[rest.join(":")] = 0;
        }
        const entries = Object.entries(counts);
        if (!entries.length) return null;
        const legend = t.facets[field] || field;
        return el("fieldset", { class: "facet", "data-facet": field }, el("legend", { text: legend }),
          entries.map(([value, count]) => {
            const filter = `${field}:${value}`;
            const box = el("input", { type: "checkbox", value, checked: selected.has(filter), onchange: () => {
              const filters = this.state.filters.filter((f) => f !== filter);
              if (box.checked) filters.push(filter);
              this.change({ filters });
            } });
            return el("label", {}, box, el("span", { class: "value", text: value }), el("span", { class: "count", text: String(count) }));
          }));
      });
      this.facetPanel.replaceChildren(...groups.filter(Boolean));
    }

    renderPages(page, totalPages) {
      const t = this.strings;
      this.pager.hidden = totalPages <= 1;
      if (totalPages <= 1) { this.pager.replaceChildren(); return; }
      const go = (target) => () => {
        this.change({ page: target });
        this.status.setAttribute("tabindex", "-1");
        this.status.focus();  // screen readers hear the new count; keyboard users start at the results
      };
      const first = Math.max(1, Math.min(page - 3, totalPages - 6));
      const last = Math.min(totalPages, first + 6);
      const numbers = [];
      for (let n = first; n <= last; n++)
        numbers.push(el("button", { type: "button", class: "page", "aria-label": t.page(n), "aria-current": n === page ? "page" : false,
          text: String(n), onclick: go(n) }));
      this.pager.replaceChildren(
        el("button", { type: "button", class: "previous", text: t.previous, disabled: page <= 1, onclick: go(page - 1) }),
        ...numbers,
        el("button", { type: "button", class: "next", text: t.next, disabled: page >= totalPages, onclick: go(page + 1) }));
    }
  }

  if (!customElements.get("sonda-search")) customElements.define("sonda-search", SondaSearch);
})();
