import { MultiSelectPrompt, wrapTextWithPrefix } from "@clack/core";
import { formatInstructionFooter, limitOptions, MULTISELECT_INSTRUCTIONS, S_BAR, S_BAR_END, S_CHECKBOX_ACTIVE, S_CHECKBOX_INACTIVE, S_CHECKBOX_SELECTED, symbol, symbolBar } from "@clack/prompts";
import { styleText } from "node:util";

export interface BatchOption {
  value: string;
  label: string;
  hint?: string | undefined;
  disabled?: boolean;
}

type State = "active" | "selected" | "active-selected" | "inactive" | "disabled";

/** One option as clack's multiselect draws it (box, label, hint), so the screen reads the same. */
function optionLine(o: BatchOption, state: State): string {
  const hint = o.hint ? ` ${styleText("dim", `(${o.hint})`)}` : "";
  switch (state) {
    case "disabled":
      return `${styleText("gray", S_CHECKBOX_INACTIVE)} ${styleText(["strikethrough", "gray"], o.label)}${hint}`;
    case "active":
      return `${styleText("cyan", S_CHECKBOX_ACTIVE)} ${o.label}${hint}`;
    case "selected":
      return `${styleText("green", S_CHECKBOX_SELECTED)} ${styleText("dim", o.label)}${hint}`;
    case "active-selected":
      return `${styleText("green", S_CHECKBOX_SELECTED)} ${o.label}${hint}`;
    default:
      return `${styleText("dim", S_CHECKBOX_INACTIVE)} ${styleText("dim", o.label)}`;
  }
}

/**
 * Clack's multiselect, except for the line it leaves behind once answered: clack echoes every
 * chosen option's whole label (a screenful of table rows run together); this one echoes
 * `answered(chosen)`, one short sentence.
 */
export async function pickBatch(options: { message: string; options: BatchOption[]; initialValues: string[]; maxItems: number; signal: AbortSignal; answered(chosen: readonly string[]): string }): Promise<string[] | symbol> {
  const prompt = new MultiSelectPrompt<BatchOption>({
    options: options.options,
    initialValues: options.initialValues,
    required: false,
    signal: options.signal,
    render() {
      const bar = `${symbolBar(this.state)}  `;
      const title = `${styleText("gray", S_BAR)}\n${wrapTextWithPrefix(process.stdout, options.message, bar, `${symbol(this.state)}  `)}\n`;
      const chosen = this.value ?? [];
      if (this.state === "submit") return `${title}${wrapTextWithPrefix(process.stdout, styleText("dim", options.answered(chosen)), `${styleText("gray", S_BAR)}  `)}`;
      if (this.state === "cancel") return `${title}${styleText("gray", S_BAR)}`;
      const prefix = `${styleText("cyan", S_BAR)}  `;
      const footer = formatInstructionFooter(process.stdout, MULTISELECT_INSTRUCTIONS, true);
      const lines = limitOptions({
        output: process.stdout,
        options: this.options,
        cursor: this.cursor,
        maxItems: options.maxItems,
        columnPadding: prefix.length,
        rowPadding: title.split("\n").length + footer.length + 1,
        style: (o: BatchOption, active: boolean) => {
          if (o.disabled) return optionLine(o, "disabled");
          const on = chosen.includes(o.value);
          return optionLine(o, active && on ? "active-selected" : on ? "selected" : active ? "active" : "inactive");
        },
      });
      return `${title}${prefix}${lines.join(`\n${prefix}`)}\n${footer.join("\n") || styleText("cyan", S_BAR_END)}\n`;
    },
  });
  return (await prompt.prompt()) ?? [];
}
