type Locale = "fr" | "en";

/** The mail a learner receives when a tutor has corrected a mission (T7). */
export function missionCorrectedMail(
  locale: Locale,
  values: {
    firstName: string;
    courseName: string;
    lessonTitle: string;
    verdict: "passed" | "failed";
    score: number | null;
    feedback: string;
    link: string;
  },
) {
  const score = values.score === null ? null : `${Math.round(values.score * 100) / 100} %`;
  if (locale === "en") {
    const verdict = values.verdict === "passed" ? "passed" : "not passed yet — you can submit it again";
    return {
      subject: `${values.courseName}: your mission has been corrected`,
      text: [
        `Hello ${values.firstName},`,
        "",
        `Your tutor has corrected your mission "${values.lessonTitle}" (${values.courseName}): ${verdict}.`,
        ...(score ? [`Score: ${score}`] : []),
        ...(values.feedback ? ["", "Feedback:", values.feedback] : []),
        "",
        `See it in your learning space: ${values.link}`,
      ].join("\n"),
    };
  }
  const verdict = values.verdict === "passed" ? "réussie" : "à reprendre — vous pouvez la déposer à nouveau";
  return {
    subject: `${values.courseName} : votre mission a été corrigée`,
    text: [
      `Bonjour ${values.firstName},`,
      "",
      `Votre tuteur a corrigé votre mission « ${values.lessonTitle} » (${values.courseName}) : ${verdict}.`,
      ...(score ? [`Score : ${score}`] : []),
      ...(values.feedback ? ["", "Commentaire :", values.feedback] : []),
      "",
      `Retrouvez-la dans votre espace de formation : ${values.link}`,
    ].join("\n"),
  };
}
