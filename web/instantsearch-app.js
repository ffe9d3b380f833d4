// The /instantsearch demo: InstantSearch.js widgets on instant-meilisearch, written as for Meilisearch, with
// this server's origin as the host. A search key, when the server needs one, comes from the page's #key=….
// Templates are functions, never strings: string templates are compiled with eval, which the page's CSP forbids.
/* global instantsearch, instantMeiliSearch */
"use strict";

(async () => {
  const key = new URLSearchParams(location.hash.slice(1)).get("key") || "";
  const headers = key ? { Authorization: `Bearer ${key}` } : {};
  // The index uid is the server's (sonda-serve --index-uid); a site would write it down.
  const uid = (await (await fetch("/indexes", { headers })).json()).results[0].uid;
  const { searchClient } = instantMeiliSearch(location.origin, key, { finitePagination: true, primaryKey: "id" });
  const { configure, searchBox, stats, sortBy, refinementList, rangeInput, currentRefinements,
    clearRefinements, hits, pagination } = instantsearch.widgets;
  const more = { showMoreText: ({ isShowingMore }) => (isShowingMore ? "Moins" : "Plus") };
  const safeUrl = (url) => (/^https?:\/\//i.test(url || "") ? url : undefined);

  const search = instantsearch({ indexName: uid, searchClient, routing: true });
  search.addWidgets([
    configure({ hitsPerPage: 8, attributesToSnippet: ["text:30"], snippetEllipsisText: "…" }),
    searchBox({ container: "#searchbox", placeholder: "Chercher dans les documents…", autofocus: true }),
    stats({
      container: "#stats",
      templates: { text: (data, { html }) => html`${data.nbHits} document${data.nbHits === 1 ? "" : "s"}` },
    }),
    sortBy({
      container: "#sort",
      items: [
        { label: "Pertinence", value: uid },
        { label: "Plus récents", value: `${uid}:date:desc` },
        { label: "Plus anciens", value: `${uid}:date:asc` },
      ],
    }),
    refinementList({
      container: "#country", attribute: "country", searchable: true,
      searchablePlaceholder: "Chercher un pays", showMore: true, limit: 8, templates: more,
    }),
    refinementList({ container: "#topic", attribute: "topic", limit: 8, showMore: true, templates: more }),
    refinementList({ container: "#lang", attribute: "lang" }),
    rangeInput({ container: "#year", attribute: "year", templates: { separatorText: () => "à", submitText: () => "OK" } }),
    currentRefinements({ container: "#current-refinements" }),
    clearRefinements({ container: "#clear-refinements", templates: { resetLabel: () => "Tout effacer" } }),
    hits({
      container: "#hits",
      templates: {
        item: (hit, { html, components }) => html`
          <article>
            <h3><a href=${safeUrl(hit.url)}>${components.Highlight({ hit, attribute: "title" })}</a></h3>
            <p class="meta">${[hit.date, (hit.country || []).join(", "), hit.lang].filter(Boolean).join(" · ")}</p>
            <p class="snippet">${components.Snippet({ hit, attribute: "text" })}</p>
          </article>`,
        empty: (results, { html }) => html`<p>Aucun document pour « ${results.query} ».</p>`,
      },
    }),
    pagination({ container: "#pagination" }),
  ]);
  search.start();
})();
