/** "AGASSE Sam": last name first, as the source shows learners. */
export function learnerName(learner: { lastName: string; firstName: string }): string {
  return `${learner.lastName} ${learner.firstName}`;
}
