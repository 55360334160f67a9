// How the coach view names a client: by the name their account shows (clientName in GET /api/coach/clients). Two
// clients of one name, or a client without one, also show their account id, so no two entries read the same.

/** A map from each client's id to the text shown for them. */
export function clientLabels(clients) {
  const counts = new Map();
  for (const c of clients) {
    const name = c.clientName?.trim();
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return new Map(clients.map((c) => {
    const name = c.clientName?.trim();
    if (!name) return [c.clientId, c.clientId];
    return [c.clientId, counts.get(name) > 1 ? `${name} (${c.clientId})` : name];
  }));
}
