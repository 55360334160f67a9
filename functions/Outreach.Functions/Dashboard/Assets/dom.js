// Small DOM helpers. Everything shown is set as text, never parsed as HTML: names and drafts come from users.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  node.append(...children.filter((c) => c !== undefined && c !== null));
  return node;
}

// A table in a region of its own that scrolls sideways when the table is wider than the screen (a phone), so the
// page never does; the region takes keyboard focus so it can be scrolled without a pointer.
export function table(caption, headers, rows, attributes = {}) {
  return el('div', { class: 'table-scroll', role: 'region', 'aria-label': caption, tabindex: '0' },
    el('table', attributes,
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows.map((row) => el('tr', {}, ...row.map((cell) => el('td', {}, cell)))))));
}

export function note(text) {
  return el('p', { class: 'note' }, text);
}

export function percent(rate) {
  return rate === null || rate === undefined ? 'n/a' : `${(rate * 100).toFixed(1)} %`;
}

// The API's comparison of a rate with the 5 % baseline (an exact test of its counts), in words: a lift from three sends
// is not a result, and the page says so instead of letting "6.67×" speak for itself.
export function versusBaseline(comparison) {
  switch (comparison) {
    case 'above': return 'Above 5 %';
    case 'below': return 'Below 5 %';
    case 'too-few-to-tell': return 'Too few to tell';
    default: return 'n/a';
  }
}

export function setStatus(node, text, isError = false) {
  node.textContent = text;
  node.classList.toggle('error', isError);
}
