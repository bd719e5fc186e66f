import type { FastifyInstance } from "fastify";
import type { Session } from "./app.js";

/** A multipart body with one `file` part, as a browser's FormData sends it. */
export function multipartFile(fileName: string, content: string | Buffer, contentType = "text/csv") {
  const boundary = `----tutora${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, typeof content === "string" ? Buffer.from(content, "utf8") : content, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** Uploads a CSV as a signed-in admin (with the CSRF header) to `url`. */
export function uploadCsv(
  app: FastifyInstance,
  session: Session | null,
  url: string,
  content: string | Buffer,
  fileName = "import.csv",
) {
  const body = multipartFile(fileName, content);
  return app.inject({
    method: "POST",
    url,
    payload: body.payload,
    headers: {
      "content-type": body.contentType,
      ...(session ? { cookie: session.cookie, "x-csrf-token": session.csrfToken } : {}),
    },
  });
}
