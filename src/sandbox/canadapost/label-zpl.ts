/**
 * A real 4x6 ZPL II label, as a Zebra prints it at 203 dpi (812 x 1218 dots): the service, the
 * address, the routing (the destination's forward sortation area in large type and its postal
 * code as a Code 128 barcode, as a sorting plant reads it) and the tracking PIN as a Code 128
 * barcode with its digits under it. Text is UTF-8 (^CI28), so accents print as written.
 */
export function labelZpl(lines: { pin: string; to: string[]; service: string; postalCode: string | undefined }): string {
  const field = (s: string) => s.replace(/[\^~]/g, " ");
  const postal = (lines.postalCode ?? "").replace(/\s/g, "").toUpperCase();
  const out = [
    "^XA",
    "^CI28",
    "^PW812",
    "^LL1218",
    "^LH0,0",
    "^FO30,30^GB752,70,70^FS",
    "^FO50,45^A0N,46,46^FR^FDSANDBOX - NOT POSTAGE^FS",
    `^FO40,125^A0N,34,34^FD${field(lines.service)}^FS`,
    "^FO40,180^A0N,26,26^FDTO / A:^FS",
  ];
  lines.to.slice(0, 6).forEach((line, i) => out.push(`^FO40,${215 + i * 42}^A0N,38,38^FD${field(line)}^FS`));
  if (postal) {
    out.push("^FO30,490^GB752,4,4^FS");
    out.push(`^FO40,520^A0N,120,110^FD${postal.slice(0, 3)}^FS`);
    out.push(`^FO330,525^BY2^BCN,100,N,N,N^FD${postal}^FS`);
  }
  out.push("^FO30,680^GB752,4,4^FS");
  out.push(`^FO60,730^BY3,3.0^BCN,260,N,N,N^FD${lines.pin}^FS`);
  out.push(`^FO60,1010^A0N,48,40^FD${lines.pin.replace(/(\d{4})(?=\d)/g, "$1 ")}^FS`);
  out.push("^XZ");
  return `${out.join("\n")}\n`;
}
