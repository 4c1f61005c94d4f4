export {
  ATTENTION_TITLE,
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
export { refusalCause, refusalFix } from "./refusal-fix.ts";
export { lateRefunds, refundsLine, type LateRefund, type ParcelKind } from "./parcels.ts";
