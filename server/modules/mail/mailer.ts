import nodemailer from "nodemailer";

export interface MailMessage {
  to: string;
  toName: string;
  subject: string;
  text: string;
  attachments?: { filename: string; content: Buffer | string; contentType: string }[];
  icalEvent?: { method: string; content: string };
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** An SMTP mailer for SMTP_URL (smtp://user:pass@host:port, smtps:// for TLS). */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url, { from });
  return {
    async send(message) {
      await transport.sendMail({
        from,
        to: { name: message.toName, address: message.to },
        subject: message.subject,
        text: message.text,
        attachments: message.attachments,
        icalEvent: message.icalEvent,
      });
    },
    close: () => transport.close(),
  };
}
