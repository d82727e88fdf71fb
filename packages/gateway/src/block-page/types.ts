/** What a block page says. Haven's decide() fills it in; the proxy and the block-page server only show it. */
export interface BlockPageInfo {
  host: string;
  url: string | null;
  category: string | null;
  /** One plain sentence for a teacher or pupil. */
  reason: string;
  /** The policy clause in plain words, e.g. 'User actions matrix, "On-line gambling": Unacceptable'. */
  clause: string | null;
  /** When true the page reveals nothing about the content: no host, URL, category, clause or review offer. */
  illegal: boolean;
  /** Where "Ask for this to be reviewed" posts to; null means no review is offered. */
  reviewUrl: string | null;
  /** A short id the user can quote to IT. */
  reference: string;
}
