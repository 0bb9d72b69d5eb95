// The mock's ad accounts and their authorized posts (/tt_video/list/), modelled on TikTok's documented
// list example (../shared/real-pages/api/tt_video-list.doc-example.json): page_info + list of
// { item_info, auth_info, video_info, user_info }. Dates alternate between TikTok's two formats
// ("YYYY-MM-DD HH:MM:SS" UTC and ISO "…T…Z") inside one page, as the real API mixes them.

export const LIST_PAGE_SIZE_MAX = 50;

export const isoTime = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
export const spaceTime = (ms) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/**
 * A post: { code, start, end, name?, text?, itemId?, itemStatus?, authStatus?, format?: 'iso' | 'space' }.
 * Without `format`, even positions in the account's list get ISO dates and odd ones the space form.
 */
export function postItem(post, index) {
  const format = post.format ?? (index % 2 === 0 ? 'iso' : 'space');
  const time = format === 'iso' ? isoTime : spaceTime;
  return {
    item_info: {
      status: post.itemStatus ?? 'HESITATE_RECOMMEND',
      auth_code: post.code,
      text: post.text ?? '',
      item_id: post.itemId ?? String(7300000000000000000n + BigInt(index)),
      anchor_list: null,
    },
    auth_info: {
      auth_end_time: time(post.end),
      ad_auth_status: post.authStatus ?? 'AUTHORIZED',
      invite_start_time: time(post.start),
      auth_start_time: time(post.start),
    },
    video_info: { duration: 13.538, width: 720, height: 1280, size: 13861358, poster_url: post.poster ?? '', preview_url: '' },
    user_info: { identity_id: `mock-identity-${index}`, identity_type: 'AUTH_CODE', tiktok_name: post.name ?? '' },
  };
}

/** Answers /tt_video/list/ for one account; `reply(code, message, data)` writes the envelope. */
export function answerList(url, account, reply) {
  let itemTypes;
  try {
    itemTypes = JSON.parse(url.searchParams.get('item_types') ?? '["VIDEO"]');
  } catch {
    return reply(40002, 'item_types: error unmarshaling parameter');
  }
  if (!Array.isArray(itemTypes)) return reply(40002, 'item_types: Not a valid list.');
  const page = Number(url.searchParams.get('page') ?? '1');
  const pageSize = Number(url.searchParams.get('page_size') ?? '20');
  if (!Number.isInteger(page) || page < 1) return reply(40002, 'page: Must be greater than or equal to 1.');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > LIST_PAGE_SIZE_MAX) {
    return reply(40002, `page_size: Must be between 1 and ${LIST_PAGE_SIZE_MAX}.`);
  }
  const posts = account.posts ?? [];
  const list = posts.slice((page - 1) * pageSize, page * pageSize).map((p, i) => postItem(p, (page - 1) * pageSize + i));
  return reply(0, 'OK', {
    page_info: { page, total_number: posts.length, total_page: Math.ceil(posts.length / pageSize), page_size: pageSize },
    list,
  });
}
