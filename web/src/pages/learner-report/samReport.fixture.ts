import type { LessonStatsForm } from "../../../../common/api/statistics.js";
import type { LearnerReport } from "../../../../common/api/tutoring.js";
import type { AuditPage } from "../../api/reports.js";

// AGASSE Sam in "Cours 1 : L'avant-vente", as the demo server answers (ids replaced by fixed ones).

export const samReport: LearnerReport = {
  course: {
    id: "00000000-0000-4000-8000-000000000006",
    name: "Cours 1 : L'avant-vente",
  },
  courses: [
    {
      id: "00000000-0000-4000-8000-000000000006",
      name: "Cours 1 : L'avant-vente",
    },
    {
      id: "00000000-0000-4000-8000-000000000005",
      name: "Cours 2 : La vente",
    },
  ],
  version: 4,
  learner: {
    id: "00000000-0000-4000-8000-000000000001",
    organisation: "South",
    lastName: "AGASSE",
    firstName: "Sam",
    firstSignInAt: "2024-01-07T18:36:12.000Z",
    lastSignInAt: "2025-02-11T08:34:27.000Z",
  },
  enrollment: {
    startAt: null,
    objectiveAt: null,
    endAt: null,
    status: "in_progress",
    progressPct: 83,
    timeSpentSeconds: 15368,
  },
  lessons: [
    {
      lessonId: "00000000-0000-4000-8000-000000000002",
      type: "elearning",
      title: "E-Learning L'avant-vente, c'est quoi ?",
      status: "completed",
      score: null,
      avgScore: null,
      passingScore: null,
      attemptsCount: 7,
      timeSpentSeconds: 254,
      statusAt: "2024-01-07T18:55:20.000Z",
      attempts: [
        {
          number: 1,
          date: "2024-01-07T18:40:05.000Z",
          status: "in_progress",
          score: null,
          cumulativeSeconds: 0,
        },
        {
          number: 2,
          date: "2024-01-07T18:43:12.000Z",
          status: "in_progress",
          score: null,
          cumulativeSeconds: 132,
        },
        {
          number: 3,
          date: "2024-01-07T18:46:24.000Z",
          status: "in_progress",
          score: null,
          cumulativeSeconds: 146,
        },
        {
          number: 4,
          date: "2024-01-07T18:52:21.000Z",
          status: "in_progress",
          score: null,
          cumulativeSeconds: 147,
        },
        {
          number: 5,
          date: "2024-01-07T18:55:20.000Z",
          status: "completed",
          score: null,
          cumulativeSeconds: 165,
        },
        {
          number: 6,
          date: "2024-01-07T18:56:06.000Z",
          status: "completed",
          score: null,
          cumulativeSeconds: 166,
        },
        {
          number: 7,
          date: "2024-01-07T18:58:08.000Z",
          status: "completed",
          score: null,
          cumulativeSeconds: 254,
        },
      ],
    },
    {
      lessonId: "00000000-0000-4000-8000-000000000004",
      type: "sheet",
      title: "Fiche Pratique C01 Préparer sa vente : les points clés",
      status: "completed",
      score: 75,
      avgScore: 0,
      passingScore: null,
      attemptsCount: 1,
      timeSpentSeconds: 80,
      statusAt: "2024-01-07T19:00:30.000Z",
      attempts: [
        {
          number: 1,
          date: "2024-01-07T19:00:30.000Z",
          status: "completed",
          score: 0,
          cumulativeSeconds: 80,
        },
      ],
    },
    {
      lessonId: "00000000-0000-4000-8000-000000000008",
      type: "quiz",
      title: "C01 Quiz L'avant-vente",
      status: "passed",
      score: 94,
      avgScore: 94,
      passingScore: 93,
      attemptsCount: 6,
      timeSpentSeconds: 74,
      statusAt: "2024-01-07T19:18:30.000Z",
      attempts: [
        {
          number: 1,
          date: "2024-01-07T19:02:06.000Z",
          status: "in_progress",
          score: null,
          cumulativeSeconds: 6,
        },
        {
          number: 2,
          date: "2024-01-07T19:05:04.000Z",
          status: "in_progress",
          score: null,
          cumulativeSeconds: 10,
        },
        {
          number: 3,
          date: "2024-01-07T19:08:03.000Z",
          status: "in_progress",
          score: null,
          cumulativeSeconds: 13,
        },
        {
          number: 4,
          date: "2024-01-07T19:11:05.000Z",
          status: "in_progress",
          score: null,
          cumulativeSeconds: 18,
        },
        {
          number: 5,
          date: "2024-01-07T19:14:02.000Z",
          status: "in_progress",
          score: null,
          cumulativeSeconds: 20,
        },
        {
          number: 6,
          date: "2024-01-07T19:18:30.000Z",
          status: "passed",
          score: 94,
          cumulativeSeconds: 74,
        },
      ],
    },
    {
      lessonId: "00000000-0000-4000-8000-000000000003",
      type: "webinar",
      title: "Webinaire Tout savoir pour préparer sa vente",
      status: "completed",
      score: null,
      avgScore: null,
      passingScore: null,
      attemptsCount: 0,
      timeSpentSeconds: 7200,
      statusAt: "2024-01-08T15:00:00.000Z",
      attempts: [],
    },
    {
      lessonId: "00000000-0000-4000-8000-000000000007",
      type: "mission",
      title: "Mission Préparer sa vente",
      status: "passed",
      score: 100,
      avgScore: null,
      passingScore: null,
      attemptsCount: 1,
      timeSpentSeconds: 7200,
      statusAt: "2024-01-07T19:40:00.000Z",
      attempts: [
        {
          number: 1,
          date: "2024-01-07T19:20:00.000Z",
          status: "passed",
          score: null,
          cumulativeSeconds: 7200,
        },
      ],
    },
    {
      lessonId: "00000000-0000-4000-8000-000000000009",
      type: "observation",
      title: "C01 Observation L'avant-vente commerciale",
      status: "failed",
      score: 50,
      avgScore: 50,
      passingScore: 50,
      attemptsCount: 1,
      timeSpentSeconds: 560,
      statusAt: "2025-02-11T08:44:00.000Z",
      attempts: [
        {
          number: 1,
          date: "2025-02-11T08:44:00.000Z",
          status: "failed",
          score: 50,
          cumulativeSeconds: 560,
        },
      ],
    },
  ],
  sessions: {
    items: [
      {
        startedAt: "2024-01-07T18:59:10.000Z",
        lessonTitle: "Fiche Pratique C01 Préparer sa vente : les points clés",
        durationSeconds: 80,
      },
      {
        startedAt: "2024-01-07T18:56:40.000Z",
        lessonTitle: "E-Learning L'avant-vente, c'est quoi ?",
        durationSeconds: 88,
      },
      {
        startedAt: "2024-01-07T18:56:05.000Z",
        lessonTitle: "E-Learning L'avant-vente, c'est quoi ?",
        durationSeconds: 1,
      },
      {
        startedAt: "2024-01-07T18:55:02.000Z",
        lessonTitle: "E-Learning L'avant-vente, c'est quoi ?",
        durationSeconds: 18,
      },
      {
        startedAt: "2024-01-07T18:52:20.000Z",
        lessonTitle: "E-Learning L'avant-vente, c'est quoi ?",
        durationSeconds: 1,
      },
      {
        startedAt: "2024-01-07T18:46:10.000Z",
        lessonTitle: "E-Learning L'avant-vente, c'est quoi ?",
        durationSeconds: 14,
      },
      {
        startedAt: "2024-01-07T18:41:00.000Z",
        lessonTitle: "E-Learning L'avant-vente, c'est quoi ?",
        durationSeconds: 132,
      },
      {
        startedAt: "2024-01-07T18:40:05.000Z",
        lessonTitle: "E-Learning L'avant-vente, c'est quoi ?",
        durationSeconds: 0,
      },
    ],
    total: 8,
    page: 1,
    pageSize: 25,
  },
  reminders: [],
};

export const sheetStats: LessonStatsForm = {
  status: "completed",
  statusAt: "2024-01-07T19:00:30.000Z",
  score: 75,
  timeSpentSeconds: 80,
  attemptsCount: 1,
  location: "",
  suspendData: "",
  allowedStatuses: ["not_attempted", "in_progress", "completed"],
  scormVersion: null,
  limits: {
    location: 1000,
    suspendData: 64000,
  },
  version: 4,
  enrolledAt: "2024-01-05T09:00:00.000Z",
};

export const samAudit: AuditPage = {
  items: [
    {
      id: 2,
      at: "2024-01-08T08:05:00.000Z",
      actor: {
        id: "00000000-0000-4000-8000-000000000010",
        firstName: "Julien",
        lastName: "Roche",
      },
      action: "lesson_stats.edit",
      course: {
        id: "00000000-0000-4000-8000-000000000006",
        name: "Cours 1 : L'avant-vente",
      },
      learner: {
        id: "00000000-0000-4000-8000-000000000001",
        firstName: "Sam",
        lastName: "AGASSE",
      },
      lesson: {
        id: "00000000-0000-4000-8000-000000000007",
        title: "Mission Préparer sa vente",
      },
      before: {
        score: null,
      },
      after: {
        score: 100,
      },
      reason: "Mission validée : note maximale",
      undoable: false,
    },
    {
      id: 1,
      at: "2024-01-08T08:00:00.000Z",
      actor: {
        id: "00000000-0000-4000-8000-000000000010",
        firstName: "Julien",
        lastName: "Roche",
      },
      action: "lesson_stats.edit",
      course: {
        id: "00000000-0000-4000-8000-000000000006",
        name: "Cours 1 : L'avant-vente",
      },
      learner: {
        id: "00000000-0000-4000-8000-000000000001",
        firstName: "Sam",
        lastName: "AGASSE",
      },
      lesson: {
        id: "00000000-0000-4000-8000-000000000004",
        title: "Fiche Pratique C01 Préparer sa vente : les points clés",
      },
      before: {
        score: 0,
      },
      after: {
        score: 75,
      },
      reason: "Fiche complétée et relue en entretien",
      undoable: false,
    },
  ],
  total: 2,
  page: 1,
  pageSize: 25,
};
