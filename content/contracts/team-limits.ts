/**
 * 一起捐 teams' limits, in their own module (no zod) so the team form's island
 * (site/islands/team-start.tsx) carries these numbers and not the request schema.
 */
export const TEAM_LIMITS = {
  name: 20,
  message: 140,
  leaderName: 20,
  minGoalFen: 10_000,
  maxGoalFen: 100_000_000,
} as const;
