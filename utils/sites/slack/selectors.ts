/** Slack in the browser, as data: data-qa hooks and the message timestamp (`data-ts`, epoch seconds). */
export const SLACK = {
  matches: ['https://app.slack.com/*'],
  app: ['[data-qa="message_pane"]', '.p-client_workspace', '.p-view_contents--primary', '[data-qa="slack_kit_list"]'],
  conversation: ['[data-qa="message_pane"]', '.p-view_contents--primary [role="list"]', '[data-qa="slack_kit_list"]'],
  row: ['[data-qa="message_container"]', '[role="listitem"][data-item-key]'],
  text: ['[data-qa="message-text"]', '.p-rich_text_section', '.c-message_kit__blocks'],
  /** Follow-on messages from the same author leave the sender out: it carries forward. */
  sender: ['[data-qa="message_sender_name"]', '[data-qa="message_sender"]', '.c-message__sender'],
  timestamp: ['a.c-timestamp[data-ts]', '.c-timestamp[data-ts]', '[data-ts]'],
  dayDivider: ['[aria-roledescription="separator"]', '[data-qa="day_divider__label"]', '.c-message_list__day_divider__label__pill'],
} as const;
