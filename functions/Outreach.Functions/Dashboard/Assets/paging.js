// Lists that come a page at a time from GET /api/tasks: while the API has more than a list shows, the section says how
// many of how many it shows, and "Show N more" appends the next page (fetched with the list's continuation) and moves
// focus to the first new item, so keyboard users do not land back at the top of the list. A task whose score changed
// between two pages of the queue can come again on the next one; it is shown once.

import { ApiError } from './api.js';
import { el, setStatus } from './dom.js';

// `list` (an empty ul or ol) filled with `first.tasks` rendered by `render`, and while `first.continuation` says there
// are more, the count (id `countId`), the button and a status line for a failed fetch. `next(continuation)` fetches a page.
export function pagedList(list, first, { render, next, pageSize, countId }) {
  list.append(...first.tasks.map(render));
  if (!first.continuation) return list;
  const count = el('p', { class: 'note', id: countId });
  const more = el('button', { type: 'button', class: 'secondary' });
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  let continuation = first.continuation;
  const update = (total) => {
    const shown = list.children.length;
    count.textContent = continuation ? `Showing ${shown} of ${total}.` : `Showing all ${shown}.`;
    more.textContent = `Show ${Math.min(pageSize, Math.max(total - shown, 1))} more`;
    more.hidden = !continuation;
  };
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const page = await next(continuation);
      const shownIds = new Set([...list.children].map((item) => item.dataset.task));
      const items = page.tasks.filter((t) => !shownIds.has(t.id)).map(render);
      list.append(...items);
      continuation = page.continuation;
      update(page.total);
      setStatus(status, '');
      items[0]?.querySelector('button')?.focus();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setStatus(status, error.message, true);
    } finally {
      more.disabled = false;
    }
  });
  update(first.total);
  return [count, list, more, status];
}
