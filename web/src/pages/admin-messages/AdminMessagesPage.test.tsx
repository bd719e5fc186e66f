import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockApi, sessionOf } from "../../test/mockApi.js";
import { renderApp } from "../../test/renderApp.js";

const failed = {
  id: 7,
  toEmail: "sam.agasse@demo.local",
  toName: "Sam AGASSE",
  subject: "Cours 1 : L'avant-vente : on reprend ?",
  text: "Bonjour Sam AGASSE,\nReprenez là où vous vous étiez arrêté(e).",
  attachments: ["invitation.ics"],
  status: "failed",
  tries: 8,
  lastError: "550 Mailbox unavailable",
  createdAt: "2025-02-11T08:00:00.000Z",
  nextTryAt: "2025-02-11T09:00:00.000Z",
  sentAt: null,
};
const sent = {
  ...failed,
  id: 6,
  toEmail: "ph@demo.local",
  toName: "Pierre Henri Amalric",
  status: "sent",
  tries: 1,
  lastError: null,
  attachments: [],
  sentAt: "2025-02-11T08:01:00.000Z",
};

describe("AdminMessagesPage", () => {
  it("lists messages with their state, shows a failed one's error and content, and retries it", async () => {
    const { requests } = mockApi([
      { path: "/api/auth/me", reply: { body: sessionOf(["admin"]) } },
      {
        path: "/api/admin/messages",
        reply: { body: { items: [failed, sent], total: 2, page: 1, pageSize: 25, smtpConfigured: true } },
      },
      { method: "POST", path: "/api/admin/messages/7/retry", reply: { status: 204 } },
    ]);
    renderApp("/admin/messages?etat=failed");
    const row = (await screen.findByText("sam.agasse@demo.local")).closest("tr") as HTMLElement;
    expect(within(row).getByText("Échec")).toBeTruthy();
    expect(within(row).getByText("Abandonné après plusieurs essais")).toBeTruthy();
    expect(within(row).getByText("8")).toBeTruthy();
    const other = screen.getByText("ph@demo.local").closest("tr") as HTMLElement;
    expect(within(other).getByText("Envoyé le 11/02/2025 09:01")).toBeTruthy();
    expect(within(other).queryByRole("button", { name: /Réessayer/ })).toBeNull();
    expect(screen.queryByText(/Aucun serveur SMTP configuré/)).toBeNull();
    expect(requests.find((r) => r.url.pathname === "/api/admin/messages")?.url.searchParams.get("status")).toBe(
      "failed",
    );

    fireEvent.click(within(row).getByRole("button", { name: /Développer la ligne/ }));
    expect(await screen.findByText("550 Mailbox unavailable")).toBeTruthy();
    expect(screen.getByText("invitation.ics")).toBeTruthy();

    fireEvent.click(within(row).getByRole("button", { name: "Réessayer l'envoi à sam.agasse@demo.local" }));
    await waitFor(() =>
      expect(requests.some((r) => r.method === "POST" && r.url.pathname === "/api/admin/messages/7/retry")).toBe(true),
    );
    expect(await screen.findByText("Le message à sam.agasse@demo.local sera de nouveau envoyé.")).toBeTruthy();
  });

  it("says when no SMTP server is configured", async () => {
    mockApi([
      { path: "/api/auth/me", reply: { body: sessionOf(["admin"]) } },
      {
        path: "/api/admin/messages",
        reply: { body: { items: [], total: 0, page: 1, pageSize: 25, smtpConfigured: false } },
      },
    ]);
    renderApp("/admin/messages");
    expect(
      await screen.findByText("Aucun serveur SMTP configuré : les messages restent dans la file, non envoyés"),
    ).toBeTruthy();
    expect(screen.getByText("Aucun message envoyé pour le moment.")).toBeTruthy();
  });
});
