//! The kiosk's navigation and attract loop, for a touch screen in a lobby:
//! which screen is shown (goals → reforms → items as tiles, departments as
//! buttons, an item one page at a time), the way back, and the clock that
//! starts, steps, pauses and stops the loop. One tick per second drives
//! the clock, so a kiosk running all day holds one timer and constant state.

use plan::Plan;
use std::collections::HashSet;

/// One screen of the kiosk.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Screen {
    /// The goals as tiles, and the way to the departments.
    #[default]
    Home,
    /// A goal's reforms as tiles.
    Goal(u32),
    /// A reform's items as tiles.
    Reform(u32),
    /// Every department as a button.
    Departments,
    /// The items a department leads or works on, as tiles.
    Department(String),
    /// Page `page` of an item's [`item_pages`].
    Item { id: u32, page: usize },
}

/// What one page of an item's detail shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemPage {
    /// Goal, reform, departments and the sheet's texts.
    About,
    /// One KPI (by its number ①=1) with its chart and table.
    Kpi(u32),
    /// The quarterly schedule.
    Schedule,
    /// The evaluation of one fiscal year.
    Evaluation(i32),
}

/// The pages of item `id`: what it is, each KPI, the schedule and each
/// year's evaluation, in that order. Only pages with something to show.
pub fn item_pages(plan: &Plan, id: u32) -> Vec<ItemPage> {
    let mut pages = vec![ItemPage::About];
    let mut kpis: Vec<_> = plan.kpis.iter().filter(|k| k.item_id == id).collect();
    // Objective KPIs first, as the desktop detail shows them.
    kpis.sort_by_key(|k| (k.role != plan::Role::Objective, k.no));
    pages.extend(kpis.iter().map(|k| ItemPage::Kpi(k.no)));
    if plan.schedule.iter().any(|s| s.item_id == id) {
        pages.push(ItemPage::Schedule);
    }
    let mut years: Vec<i32> = plan.evaluations.iter().filter(|e| e.item_id == id).map(|e| e.fy).collect();
    years.sort_unstable();
    years.dedup();
    pages.extend(years.into_iter().map(ItemPage::Evaluation));
    pages
}

/// A touch on a tile or button, read from its `data-go` hook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Go {
    To(Screen),
    Back,
    Home,
    /// The item's next (+1) or previous (−1) page.
    Page(i32),
}

impl Go {
    /// The `data-go` values of the kiosk's bar and pager buttons.
    pub const BACK: &'static str = "back";
    pub const HOME: &'static str = "home";
    pub const NEXT: &'static str = "next";
    pub const PREV: &'static str = "prev";

    /// Parses a `data-go` value: `goal:2`, `reform:6`, `departments`,
    /// `dept:<id>`, `item:7`, `back`, `home`, `next`, `prev`. Anything
    /// else is `None` (the touch is ignored).
    ///
    /// ```
    /// use viewmodel::kiosk::{Go, Screen};
    /// assert_eq!(Go::parse("item:7"), Some(Go::To(Screen::Item { id: 7, page: 0 })));
    /// assert_eq!(Go::parse("item:x"), None);
    /// ```
    pub fn parse(hook: &str) -> Option<Go> {
        let (kind, arg) = hook.split_once(':').unwrap_or((hook, ""));
        let id = || arg.parse::<u32>().ok();
        Some(match kind {
            Go::HOME => Go::Home,
            Go::BACK => Go::Back,
            Go::NEXT => Go::Page(1),
            Go::PREV => Go::Page(-1),
            "departments" => Go::To(Screen::Departments),
            "goal" => Go::To(Screen::Goal(id()?)),
            "reform" => Go::To(Screen::Reform(id()?)),
            "item" => Go::To(Screen::Item { id: id()?, page: 0 }),
            "dept" if !arg.is_empty() => Go::To(Screen::Department(arg.to_string())),
            _ => return None,
        })
    }

    /// The `data-go` value of going to `screen` (its first page for an item).
    pub fn hook(screen: &Screen) -> String {
        match screen {
            Screen::Home => Go::HOME.into(),
            Screen::Goal(id) => format!("goal:{id}"),
            Screen::Reform(id) => format!("reform:{id}"),
            Screen::Departments => "departments".into(),
            Screen::Department(id) => format!("dept:{id}"),
            Screen::Item { id, .. } => format!("item:{id}"),
        }
    }
}

/// The screens the user went through, newest last; the home screen is
/// always at the bottom. Bounded: going to a screen already on the way
/// back returns to it instead of stacking it again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nav {
    stack: Vec<Screen>,
}

impl Default for Nav {
    fn default() -> Nav {
        Nav { stack: vec![Screen::Home] }
    }
}

impl Nav {
    /// The screen on show.
    pub fn current(&self) -> &Screen {
        self.stack.last().unwrap_or(&Screen::Home)
    }

    /// Whether there is a screen to go back to.
    pub fn can_go_back(&self) -> bool {
        self.stack.len() > 1
    }

    /// A navigation with `screen` shown and, below it, the screens that
    /// lead to it from home (for the attract loop, which jumps).
    pub fn at(plan: &Plan, screen: Screen) -> Nav {
        let mut stack = vec![Screen::Home];
        let goal_of = |reform: u32| plan.reform(reform).map(|r| r.goal_id);
        match &screen {
            Screen::Reform(r) => stack.extend(goal_of(*r).map(Screen::Goal)),
            Screen::Item { id, .. } => {
                if let Some(item) = plan.item(*id) {
                    stack.extend(goal_of(item.reform_id).map(Screen::Goal));
                    stack.push(Screen::Reform(item.reform_id));
                }
            }
            Screen::Department(_) => stack.push(Screen::Departments),
            _ => {}
        }
        if screen != Screen::Home {
            stack.push(screen);
        }
        Nav { stack }
    }

    /// Follows a touch. Targets that the plan does not have and pages
    /// beyond an item's ends are ignored.
    pub fn go(&mut self, plan: &Plan, go: Go) {
        match go {
            Go::Home => *self = Nav::default(),
            Go::Back => {
                if self.can_go_back() {
                    self.stack.pop();
                }
            }
            Go::Page(delta) => {
                if let Some(Screen::Item { id, page }) = self.stack.last_mut() {
                    let last = item_pages(plan, *id).len().saturating_sub(1) as i64;
                    *page = (*page as i64 + delta as i64).clamp(0, last) as usize;
                }
            }
            Go::To(screen) => {
                if !exists(plan, &screen) {
                    return;
                }
                match self.stack.iter().position(|s| same_screen(s, &screen)) {
                    Some(i) => self.stack.truncate(i + 1),
                    None => self.stack.push(screen),
                }
            }
        }
    }
}

/// Whether two screens show the same thing (an item's pages are one screen).
fn same_screen(a: &Screen, b: &Screen) -> bool {
    match (a, b) {
        (Screen::Item { id: x, .. }, Screen::Item { id: y, .. }) => x == y,
        _ => a == b,
    }
}

fn exists(plan: &Plan, screen: &Screen) -> bool {
    match screen {
        Screen::Home | Screen::Departments => true,
        Screen::Goal(id) => plan.goal(*id).is_some(),
        Screen::Reform(id) => plan.reform(*id).is_some(),
        Screen::Department(id) => plan.department(id).is_some(),
        Screen::Item { id, .. } => plan.item(*id).is_some(),
    }
}

/// The screens of the attract loop: the home screen with every goal's
/// status, then each goal with its reforms, each followed by the first
/// KPI chart of each of its items that has one.
pub fn attract_sequence(plan: &Plan) -> Vec<Screen> {
    let with_kpis: HashSet<u32> = plan.kpis.iter().map(|k| k.item_id).collect();
    let mut seq = vec![Screen::Home];
    for goal in &plan.goals {
        seq.push(Screen::Goal(goal.id));
        let reforms: HashSet<u32> = plan.reforms.iter().filter(|r| r.goal_id == goal.id).map(|r| r.id).collect();
        for item in plan.items.iter().filter(|i| reforms.contains(&i.reform_id) && with_kpis.contains(&i.id)) {
            let page = item_pages(plan, item.id).iter().position(|p| matches!(p, ItemPage::Kpi(_))).unwrap_or(0);
            seq.push(Screen::Item { id: item.id, page });
        }
    }
    seq
}

/// What the kiosk should do after a tick or a touch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KioskAction {
    Nothing,
    /// Show step `n` of the attract sequence.
    Show(usize),
    /// Stay where it is (a touch stopped the loop, or it was paused).
    Stay,
    /// Left alone while paused for too long: go home, loop on.
    Home,
}

/// How long a pause lasts with nobody touching the screen, as a multiple
/// of the idle time: long enough to read a page, short enough that a
/// kiosk a visitor paused and left does not stand still all day.
pub const PAUSE_IDLE_FACTOR: u32 = 5;

/// How often the clock must tick, in seconds: the largest period that
/// divides both the idle time and the step, so that every start and step
/// falls on a tick while a kiosk with the defaults (120 s, 8 s) wakes only
/// once per step.
///
/// ```
/// assert_eq!(viewmodel::kiosk::tick_seconds(120, 8), 8);
/// assert_eq!(viewmodel::kiosk::tick_seconds(7, 8), 1);
/// ```
pub fn tick_seconds(idle_limit: u32, step_seconds: u32) -> u32 {
    let (mut a, mut b) = (idle_limit.max(1), step_seconds.max(1));
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// How long the warning before the screen changes by itself stays at
/// least: WCAG 2.2.1 asks for 20 seconds to extend a time limit.
pub const WARNING_SECONDS: u32 = 20;

/// The `lead` for [`KioskClock::warning`]: [`WARNING_SECONDS`] plus one
/// tick, since the clock only looks every [`tick_seconds`].
///
/// ```
/// assert_eq!(viewmodel::kiosk::warning_lead(120, 8), 28);
/// ```
pub fn warning_lead(idle_limit: u32, step_seconds: u32) -> u32 {
    WARNING_SECONDS + tick_seconds(idle_limit, step_seconds)
}

/// Idle time, attract-loop position and pause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KioskClock {
    idle_seconds: u32,
    /// The step shown, while the loop runs.
    step: Option<usize>,
    /// The step the loop last showed, to resume from.
    last_step: usize,
    seconds_on_step: u32,
    paused: bool,
}

impl KioskClock {
    /// True while the loop runs (and is not paused).
    pub fn attracting(&self) -> bool {
        self.step.is_some() && !self.paused
    }

    /// True in the last `lead` seconds before the screen changes by
    /// itself (the loop starts, or a pause left alone ends at home): the
    /// time to warn whoever is reading, so that a touch can keep it
    /// (WCAG 2.2.1).
    pub fn warning(&self, idle_limit: u32, lead: u32) -> bool {
        let limit = if self.paused {
            idle_limit.saturating_mul(PAUSE_IDLE_FACTOR)
        } else if self.step.is_none() {
            idle_limit
        } else {
            return false;
        };
        self.idle_seconds > 0 && self.idle_seconds.saturating_add(lead) >= limit
    }

    /// True while the user has paused the loop.
    pub fn paused(&self) -> bool {
        self.paused
    }

    /// `elapsed` seconds passed (one [`tick_seconds`]). Starts the loop
    /// after `idle_limit` idle seconds and advances it every
    /// `step_seconds`, wrapping around `len` steps. A pause holds until
    /// resumed or until nobody touched the screen for
    /// [`PAUSE_IDLE_FACTOR`] × `idle_limit` seconds.
    pub fn tick(&mut self, elapsed: u32, idle_limit: u32, step_seconds: u32, len: usize) -> KioskAction {
        if len == 0 {
            return KioskAction::Nothing;
        }
        if self.paused {
            self.idle_seconds = self.idle_seconds.saturating_add(elapsed);
            if self.idle_seconds >= idle_limit.saturating_mul(PAUSE_IDLE_FACTOR) {
                *self = KioskClock::default();
                return KioskAction::Home;
            }
            return KioskAction::Nothing;
        }
        match self.step {
            None => {
                self.idle_seconds = self.idle_seconds.saturating_add(elapsed);
                if self.idle_seconds >= idle_limit {
                    self.show(0)
                } else {
                    KioskAction::Nothing
                }
            }
            Some(step) => {
                self.seconds_on_step = self.seconds_on_step.saturating_add(elapsed);
                if self.seconds_on_step >= step_seconds.max(1) {
                    self.show((step + 1) % len)
                } else {
                    KioskAction::Nothing
                }
            }
        }
    }

    fn show(&mut self, step: usize) -> KioskAction {
        self.step = Some(step);
        self.last_step = step;
        self.seconds_on_step = 0;
        KioskAction::Show(step)
    }

    /// The user touched the screen (not the pause button): stop the loop
    /// where it is and restart the idle count. A pause stays.
    pub fn input(&mut self) -> KioskAction {
        let was = self.attracting();
        self.step = None;
        self.idle_seconds = 0;
        self.seconds_on_step = 0;
        if was {
            KioskAction::Stay
        } else {
            KioskAction::Nothing
        }
    }

    /// The pause/resume button. Pausing freezes the loop (or keeps it from
    /// starting); resuming continues it at once from where it stood.
    pub fn toggle_pause(&mut self, len: usize) -> KioskAction {
        self.idle_seconds = 0;
        if self.paused {
            self.paused = false;
            if len == 0 {
                return KioskAction::Nothing;
            }
            let step = match self.step {
                Some(step) => step,
                None => (self.last_step + 1) % len,
            };
            self.show(step)
        } else {
            self.paused = true;
            KioskAction::Stay
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plan::{Goal, Item, Reform};

    /// Two goals; goal 1 has reforms 1 and 2, goal 2 has reform 3; items
    /// 1–3, of which 1 and 3 have KPIs, 1 a schedule and two evaluations.
    fn fixture() -> Plan {
        let mut p = plan::load::parse(include_str!("../../plan/tests/fixtures/next_plan.json")).expect("the fixture loads");
        p.goals = vec![Goal { id: 1, title: "g1".into(), ..p.goals[0].clone() }, Goal { id: 2, title: "g2".into(), ..p.goals[0].clone() }];
        p.reforms = [(1, 1), (2, 1), (3, 2)].iter().map(|&(id, goal_id)| Reform { id, goal_id, ..p.reforms[0].clone() }).collect();
        let item = p.items[0].clone();
        p.items = [(1, 1), (2, 2), (3, 3)].iter().map(|&(id, reform_id)| Item { id, reform_id, ..item.clone() }).collect();
        let kpi = p.kpis[0].clone();
        p.kpis = vec![
            plan::Kpi { item_id: 1, no: 2, role: plan::Role::Reference, ..kpi.clone() },
            plan::Kpi { item_id: 1, no: 1, role: plan::Role::Objective, ..kpi.clone() },
            plan::Kpi { item_id: 3, no: 1, ..kpi },
        ];
        let row = p.schedule[0].clone();
        p.schedule = vec![plan::ScheduleRow { item_id: 1, ..row }];
        let e = p.evaluations[0].clone();
        p.evaluations = vec![plan::Evaluation { item_id: 1, fy: 2026, ..e.clone() }, plan::Evaluation { item_id: 1, fy: 2025, ..e }];
        p.departments.truncate(1);
        p
    }

    #[test]
    fn an_item_pages_through_what_it_has() {
        let p = fixture();
        assert_eq!(
            item_pages(&p, 1),
            vec![
                ItemPage::About,
                ItemPage::Kpi(1),
                ItemPage::Kpi(2),
                ItemPage::Schedule,
                ItemPage::Evaluation(2025),
                ItemPage::Evaluation(2026)
            ]
        );
        assert_eq!(item_pages(&p, 2), vec![ItemPage::About]);
    }

    #[test]
    fn touches_go_forward_back_home_and_page_within_bounds() {
        let p = fixture();
        let mut nav = Nav::default();
        assert!(!nav.can_go_back());
        nav.go(&p, Go::To(Screen::Goal(1)));
        nav.go(&p, Go::To(Screen::Reform(1)));
        nav.go(&p, Go::To(Screen::Item { id: 1, page: 0 }));
        nav.go(&p, Go::Page(-1));
        assert_eq!(nav.current(), &Screen::Item { id: 1, page: 0 }, "no page before the first");
        for _ in 0..10 {
            nav.go(&p, Go::Page(1));
        }
        assert_eq!(nav.current(), &Screen::Item { id: 1, page: 5 }, "no page after the last");
        nav.go(&p, Go::Back);
        assert_eq!(nav.current(), &Screen::Reform(1));
        nav.go(&p, Go::To(Screen::Goal(1)));
        assert_eq!(nav, Nav::at(&p, Screen::Goal(1)), "going to a screen on the way back returns to it");
        nav.go(&p, Go::To(Screen::Goal(9)));
        assert_eq!(nav.current(), &Screen::Goal(1), "a goal the plan lacks is ignored");
        nav.go(&p, Go::Home);
        assert_eq!(nav, Nav::default());
        nav.go(&p, Go::Back);
        assert_eq!(nav.current(), &Screen::Home, "home has nothing behind it");
    }

    #[test]
    fn the_attract_loop_jumps_with_the_way_back_in_place() {
        let p = fixture();
        let nav = Nav::at(&p, Screen::Item { id: 3, page: 1 });
        let mut back = nav.clone();
        back.go(&p, Go::Back);
        assert_eq!(back.current(), &Screen::Reform(3));
        back.go(&p, Go::Back);
        assert_eq!(back.current(), &Screen::Goal(2));
    }

    #[test]
    fn hooks_round_trip_and_junk_is_ignored() {
        for s in [Screen::Home, Screen::Goal(2), Screen::Reform(6), Screen::Departments, Screen::Department("a-b".into())] {
            let go = Go::parse(&Go::hook(&s)).unwrap();
            assert!(go == Go::To(s.clone()) || (s == Screen::Home && go == Go::Home));
        }
        for junk in ["", "goal:", "goal:-1", "dept:", "item:1e3", "javascript:alert(1)"] {
            assert_eq!(Go::parse(junk), None, "{junk}");
        }
    }

    #[test]
    fn the_sequence_shows_home_each_goal_and_each_items_first_chart() {
        let p = fixture();
        assert_eq!(
            attract_sequence(&p),
            vec![
                Screen::Home,
                Screen::Goal(1),
                Screen::Item { id: 1, page: 1 },
                Screen::Goal(2),
                Screen::Item { id: 3, page: 1 }
            ]
        );
    }

    #[test]
    fn the_loop_starts_after_the_idle_time_and_steps_around() {
        let mut c = KioskClock::default();
        assert_eq!(c.tick(1, 3, 2, 3), KioskAction::Nothing);
        assert_eq!(c.tick(1, 3, 2, 3), KioskAction::Nothing);
        assert_eq!(c.tick(1, 3, 2, 3), KioskAction::Show(0));
        assert!(c.attracting());
        assert_eq!(c.tick(1, 3, 2, 3), KioskAction::Nothing);
        assert_eq!(c.tick(1, 3, 2, 3), KioskAction::Show(1));
        c.tick(1, 3, 2, 3);
        assert_eq!(c.tick(1, 3, 2, 3), KioskAction::Show(2));
        c.tick(1, 3, 2, 3);
        assert_eq!(c.tick(1, 3, 2, 3), KioskAction::Show(0), "wraps around");
    }

    #[test]
    fn input_stops_the_loop_and_restarts_the_idle_count() {
        let mut c = KioskClock::default();
        for _ in 0..5 {
            c.tick(1, 2, 1, 4);
        }
        assert_eq!(c.input(), KioskAction::Stay);
        assert!(!c.attracting());
        assert_eq!(c.tick(1, 2, 1, 4), KioskAction::Nothing);
        assert_eq!(c.input(), KioskAction::Nothing, "input while idle stops nothing");
    }

    #[test]
    fn pause_freezes_the_loop_and_resume_continues_it() {
        let mut c = KioskClock::default();
        c.tick(1, 1, 1, 5); // Show(0)
        c.tick(1, 1, 1, 5); // Show(1)
        assert_eq!(c.toggle_pause(5), KioskAction::Stay);
        assert!(c.paused() && !c.attracting());
        for _ in 0..4 {
            assert_eq!(c.tick(1, 1, 1, 5), KioskAction::Nothing, "paused: no step");
        }
        assert_eq!(c.toggle_pause(5), KioskAction::Show(1), "resumes where it stood");
        assert!(c.attracting());
        assert_eq!(c.tick(1, 1, 1, 5), KioskAction::Show(2));
        c.toggle_pause(5);
        assert_eq!(c.input(), KioskAction::Nothing, "a touch keeps the pause");
        assert!(c.paused());
        assert_eq!(c.toggle_pause(5), KioskAction::Show(3), "after a touch, resume goes on with the next step");
    }

    #[test]
    fn pausing_by_hand_keeps_the_loop_off_and_resume_starts_it() {
        let mut c = KioskClock::default();
        c.tick(1, 1, 1, 5); // Show(0)
        c.input(); // someone explores
        c.toggle_pause(5);
        for _ in 0..4 {
            assert_eq!(c.tick(1, 1, 1, 5), KioskAction::Nothing, "no loop while paused");
        }
        assert_eq!(c.toggle_pause(5), KioskAction::Show(1), "resume goes on after the last step shown");
    }

    #[test]
    fn the_loop_is_announced_before_it_starts_and_a_touch_keeps_the_screen() {
        let mut c = KioskClock::default();
        for _ in 0..98 {
            c.tick(1, 120, 8, 5);
        }
        assert!(!c.warning(120, 21));
        c.tick(1, 120, 8, 5);
        assert!(c.warning(120, 21), "21 s before the start");
        c.input();
        assert!(!c.warning(120, 21), "a touch extends the time");
        for _ in 0..120 {
            c.tick(1, 120, 8, 5);
        }
        assert!(c.attracting() && !c.warning(120, 21), "no warning once it runs");
    }

    #[test]
    fn a_pause_left_alone_ends_at_home_after_a_warning() {
        let mut c = KioskClock::default();
        c.toggle_pause(5);
        for i in 1..10 * PAUSE_IDLE_FACTOR {
            assert_eq!(c.tick(1, 10, 1, 5), KioskAction::Nothing);
            assert_eq!(c.warning(10, 21), i + 21 >= 10 * PAUSE_IDLE_FACTOR, "warned in the last 21 s, at {i}");
        }
        assert_eq!(c.tick(1, 10, 1, 5), KioskAction::Home);
        assert!(!c.paused());
    }

    #[test]
    fn ticks_of_several_seconds_count_as_many_seconds() {
        let mut c = KioskClock::default();
        assert_eq!(c.tick(8, 16, 8, 3), KioskAction::Nothing);
        assert_eq!(c.tick(8, 16, 8, 3), KioskAction::Show(0));
        assert_eq!(c.tick(8, 16, 8, 3), KioskAction::Show(1));
    }

    #[test]
    fn a_day_of_ticks_keeps_the_clock_bounded() {
        let mut c = KioskClock::default();
        for _ in 0..86_400 {
            c.tick(1, 60, 8, 29);
        }
        assert!(c.attracting());
        assert!(c.seconds_on_step < 8);
    }

    #[test]
    fn an_empty_sequence_never_starts() {
        let mut c = KioskClock::default();
        for _ in 0..10 {
            assert_eq!(c.tick(1, 1, 1, 0), KioskAction::Nothing);
        }
        c.toggle_pause(0);
        assert_eq!(c.toggle_pause(0), KioskAction::Nothing);
    }
}
