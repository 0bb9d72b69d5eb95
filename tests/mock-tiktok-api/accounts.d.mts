export const LIST_PAGE_SIZE_MAX: number;
export function isoTime(ms: number): string;
export function spaceTime(ms: number): string;
