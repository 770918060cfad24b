// Standard input read once and handed out in order: passphrase lines first, then (for `--from-json -` or a
// query given as `-`) the rest as one text. Case text and passphrases never have to be arguments.

export class StdinText {
  private text: string | null = null;
  private position = 0;

  constructor(private readonly stream: NodeJS.ReadableStream) {}

  private async load(): Promise<string> {
    if (this.text === null) {
      const chunks: Buffer[] = [];
      for await (const chunk of this.stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      this.text = Buffer.concat(chunks).toString('utf8');
    }
    return this.text;
  }

  /** The next line (without its line ending), or undefined at the end. */
  async line(): Promise<string | undefined> {
    const text = await this.load();
    if (this.position >= text.length) return undefined;
    const end = text.indexOf('\n', this.position);
    const stop = end === -1 ? text.length : end;
    const line = text.slice(this.position, stop).replace(/\r$/, '');
    this.position = end === -1 ? text.length : end + 1;
    return line;
  }

  /** Everything not yet taken. */
  async rest(): Promise<string> {
    const text = await this.load();
    const rest = text.slice(this.position);
    this.position = text.length;
    return rest;
  }
}
