/** Placeholder while this area is being built (issue 4). */
export function MeetingsPage() {
  return <h1>Meetings</h1>;
}
