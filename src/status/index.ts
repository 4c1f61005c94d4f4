export {
  ATTENTION_TITLE,
  attentionFix,
  attentionWho,
  formatAttention,
  groupAttention,
  isOrderAttention,
  needsAttention,
  orderList,
  type Attention,
  type AttentionKind,
} from "./attention.ts";
export { formatStatus, statusReport, type StatusReport } from "./overview.ts";
export { BOARD_LINES, STATE_TITLE, boardLine, boardText, holdText, lateRateText } from "./deadline-text.ts";
export { refusalCause, refusalFix } from "./refusal-fix.ts";
export { lateRefunds, refundsLine, type LateRefund, type ParcelKind } from "./parcels.ts";
export { alertFix, type AlertFailureCode } from "./alert-fix.ts";
