import { EventEmitter } from "node:events";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A real SMTP listener on loopback that keeps every message it receives, parsed. */
export interface SmtpSink {
  port: number;
  url: string;
  messages: ParsedMail[];
  /** Resolves once `count` messages have arrived in all (or rejects after `ms`). */
  waitFor(count: number, ms?: number): Promise<ParsedMail[]>;
  stop(): Promise<void>;
}

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const events = new EventEmitter();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          events.emit("message");
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  return {
    port: actual,
    url: `smtp://127.0.0.1:${actual}`,
    messages,
    waitFor(count, ms = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length >= count) {
            events.off("message", check);
            clearTimeout(timer);
            resolve(messages);
          }
        };
        const timer = setTimeout(() => {
          events.off("message", check);
          reject(new Error(`only ${messages.length} of ${count} messages arrived`));
        }, ms);
        events.on("message", check);
        check();
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
