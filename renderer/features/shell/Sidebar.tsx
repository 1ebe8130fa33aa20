import type { MouseEvent, ReactNode } from 'react';
import type { Area, Route } from '../../stores/ui-store.js';

interface NavItem {
  area: Area;
  route: Route;
  label: string;
  icon: ReactNode;
}

const HomeIcon = (
  <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
    <path
      d="M3 9.2L10 3.5l7 5.7V16a1 1 0 0 1-1 1h-3.5v-4.5h-5V17H4a1 1 0 0 1-1-1z"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinejoin="round"
    />
  </svg>
);

const SettingsIcon = (
  <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
    <circle cx="10" cy="10" r="2.6" fill="none" stroke="currentColor" strokeWidth="1.6" />
    <path
      d="M10 2.5v2.2M10 15.3v2.2M2.5 10h2.2M15.3 10h2.2M4.7 4.7l1.6 1.6M13.7 13.7l1.6 1.6M4.7 15.3l1.6-1.6M13.7 6.3l1.6-1.6"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
    />
  </svg>
);

const PipelineIcon = (
  <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
    <path
      d="M3 4h4v12H3zM8 4h4v8H8zM13 4h4v5h-4z"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinejoin="round"
    />
  </svg>
);

const MeetingsIcon = (
  <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
    <rect
      x="3"
      y="4.5"
      width="14"
      height="12"
      rx="1.5"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
    />
    <path
      d="M3 8.5h14M7 3v3M13 3v3"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
    />
  </svg>
);

const ThanksIcon = (
  <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
    <rect
      x="2.5"
      y="4.5"
      width="15"
      height="11"
      rx="1.5"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
    />
    <path
      d="M3 5.5l7 5.5 7-5.5"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinejoin="round"
    />
  </svg>
);

const EmployersIcon = (
  <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
    <path
      d="M3.5 17V6.5l6-3v13.5M9.5 8.5h7V17M2 17h16M5.5 8.5h1.5M5.5 11h1.5M5.5 13.5h1.5M12 11h2M12 13.5h2"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinejoin="round"
      strokeLinecap="round"
    />
  </svg>
);

const InsightsIcon = (
  <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
    <path
      d="M3 17h14M5.5 14V9M10 14V5M14.5 14v-3"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
    />
  </svg>
);

const LearningsIcon = (
  <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
    <path
      d="M10 5.5C8.5 4 6 3.5 3 3.8v11.5c3-.3 5.5.2 7 1.7 1.5-1.5 4-2 7-1.7V3.8c-3-.3-5.5.2-7 1.7zM10 5.5V17"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinejoin="round"
    />
  </svg>
);

/** Only areas that exist. */
const items: readonly NavItem[] = [
  { area: 'home', route: 'home', label: 'Today', icon: HomeIcon },
  { area: 'pipeline', route: 'pipeline', label: 'Pipeline', icon: PipelineIcon },
  { area: 'employers', route: 'employers', label: 'Employers', icon: EmployersIcon },
  { area: 'meetings', route: 'meetings', label: 'Meetings', icon: MeetingsIcon },
  { area: 'thanks', route: 'thanks', label: 'Thank-you notes', icon: ThanksIcon },
  { area: 'insights', route: 'insights', label: 'Insights', icon: InsightsIcon },
  { area: 'learnings', route: 'learnings', label: 'What I learned', icon: LearningsIcon },
  { area: 'settings', route: 'settings', label: 'Settings', icon: SettingsIcon },
];

/** Areas reached from another one keep their parent highlighted in the sidebar. */
const navAreaOf = (area: Area): Area =>
  area === 'contact' || area === 'import'
    ? 'pipeline'
    : area === 'meeting'
      ? 'meetings'
      : area === 'employer'
        ? 'employers'
        : area;

interface SidebarProps {
  current: Area;
  onNavigate(route: Route): void;
}

/** The left sidebar: app name and the main navigation. */
export function Sidebar({ current, onNavigate }: SidebarProps) {
  const go = (route: Route) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    onNavigate(route);
  };
  return (
    <div className="sidebar">
      <div className="brand" aria-hidden="true">
        <span className="brand-mark">R</span>
        <span className="brand-name">Rapport</span>
      </div>
      <nav aria-label="Main" className="nav">
        <ul className="nav-list">
          {items.map((item) => (
            <li key={item.area}>
              <a
                href={`#${item.area}`}
                className="nav-link"
                aria-current={item.area === navAreaOf(current) ? 'page' : undefined}
                onClick={go(item.route)}
              >
                {item.icon}
                <span>{item.label}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
