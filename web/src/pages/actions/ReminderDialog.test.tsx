import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { createQueryClient } from "../../api/queryClient.js";
import { sessionQueryKey } from "../../api/sessionQueryKey.js";
import { AppProviders } from "../../app/AppProviders.js";
import { mockApi, type RecordedRequest, sessionOf } from "../../test/mockApi.js";
import { ReminderDialog } from "./ReminderDialog.js";

const courseId = "00000000-0000-4000-8000-000000000c01";
const templateId = "00000000-0000-4000-8000-0000000000a1";
const selection = {
  mode: "ids" as const,
  learnerIds: ["00000000-0000-4000-8000-000000000101", "00000000-0000-4000-8000-000000000102"],
};
const recipients = [
  { userId: selection.learnerIds[0], firstName: "Sam", lastName: "AGASSE", email: "sam.agasse@demo.local" },
  { userId: selection.learnerIds[1], firstName: "Pierre Henri", lastName: "Amalric", email: "ph@demo.local" },
];

function renderDialog() {
  const queryClient = createQueryClient({ retry: false });
  queryClient.setQueryData(sessionQueryKey, sessionOf(["tutor"]));
  render(
    <AppProviders queryClient={queryClient}>
      <MemoryRouter>
        <ReminderDialog
          open
          courseId={courseId}
          selection={selection}
          count={2}
          onClose={() => undefined}
          afterClose={() => undefined}
        />
      </MemoryRouter>
    </AppProviders>,
  );
}

describe("ReminderDialog (Relancer)", () => {
  it("previews each recipient, and a retried send reuses the dialog's idempotency key", async () => {
    let sends = 0;
    const { requests } = mockApi([
      {
        path: "/api/mail-templates",
        reply: {
          body: {
            items: [
              {
                id: templateId,
                name: "Relance formation non commencée",
                subject: "{{cours}} : votre formation vous attend",
                body: "Bonjour {{prenom}},",
                shared: true,
                editable: false,
                updatedAt: "2025-01-01T00:00:00.000Z",
              },
            ],
            variables: ["prenom", "cours"],
          },
        },
      },
      {
        method: "POST",
        path: `/api/tutoring/courses/${courseId}/reminders/preview`,
        reply: (request: RecordedRequest) => {
          const index = (request.body as { index: number }).index;
          const recipient = recipients[index] ?? recipients[0];
          return {
            body: {
              count: 2,
              index,
              recipient,
              subject: "Cours 1 : L'avant-vente : votre formation vous attend",
              body: `Bonjour ${recipient?.firstName},`,
            },
          };
        },
      },
      {
        method: "POST",
        path: `/api/tutoring/courses/${courseId}/reminders`,
        reply: () => {
          sends += 1;
          return sends === 1
            ? { status: 503, body: { error: { code: "unavailable", message: "Try again" } } }
            : {
                status: 202,
                body: { batchId: "reminder:1", total: 2, queued: 2, sent: 0, failed: 0, smtpConfigured: false },
              };
        },
      },
      {
        path: `/api/tutoring/courses/${courseId}/reminders/batches/reminder%3A1`,
        reply: { body: { batchId: "reminder:1", total: 2, queued: 2, sent: 0, failed: 0, smtpConfigured: false } },
      },
    ]);
    renderDialog();

    const send = await screen.findByRole("button", { name: "Envoyer à 2 apprenants" });
    expect(send.hasAttribute("disabled")).toBe(true);
    fireEvent.mouseDown(await screen.findByRole("combobox", { name: "Modèle de mail" }));
    fireEvent.click(
      await screen.findByText("Relance formation non commencée", { selector: ".ant-select-item-option-content *" }),
    );

    const preview = await screen.findByRole("region", { name: "Aperçu du message" });
    await within(preview).findByText("Bonjour Sam,");
    expect(within(preview).getByText("Destinataire 1 sur 2")).toBeTruthy();
    fireEvent.click(within(preview).getByRole("button", { name: "Destinataire suivant" }));
    await within(preview).findByText("Bonjour Pierre Henri,");

    fireEvent.click(screen.getByRole("button", { name: "Envoyer à 2 apprenants" }));
    await screen.findByText(/La relance n'a pas pu être envoyée/);
    fireEvent.click(screen.getByRole("button", { name: "Envoyer à 2 apprenants" }));
    await screen.findByText("Relance mise en file d'envoi pour 2 apprenants");
    expect(
      screen.getByText("Aucun serveur SMTP configuré : les messages restent dans la file, non envoyés."),
    ).toBeTruthy();

    const keys = requests
      .filter((r) => r.method === "POST" && r.url.pathname.endsWith("/reminders"))
      .map((r) => (r.body as { idempotencyKey: string }).idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[0]?.length).toBeGreaterThanOrEqual(8);
    await waitFor(() =>
      expect(
        requests
          .filter((r) => r.url.pathname.endsWith("/reminders/preview"))
          .map((r) => (r.body as { index: number }).index),
      ).toEqual([0, 1]),
    );
  });
});
