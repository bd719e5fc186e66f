/** How an author is named under a comment or a review: "Jerome Demory". */
export function personName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`.trim();
}
