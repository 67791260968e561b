//! The kiosk's attract loop: which views it steps through, and the clock
//! that decides when to start, step and stop. One tick per second drives
//! it, so a kiosk running all day holds one timer and constant state.

use crate::state::ViewState;
use plan::Plan;
use std::collections::HashSet;

/// The views of the attract loop: the overview, then each goal with its
/// items that have KPIs, one item at a time.
pub fn attract_sequence(plan: &Plan) -> Vec<ViewState> {
    let with_kpis: HashSet<u32> = plan.kpis.iter().map(|k| k.item_id).collect();
    let mut seq = vec![ViewState::default()];
    for goal in &plan.goals {
        let reforms: HashSet<u32> = plan.reforms.iter().filter(|r| r.goal_id == goal.id).map(|r| r.id).collect();
        seq.push(ViewState { goal: Some(goal.id), ..ViewState::default() });
        for item in plan.items.iter().filter(|i| reforms.contains(&i.reform_id) && with_kpis.contains(&i.id)) {
            seq.push(ViewState { goal: Some(goal.id), item: Some(item.id), ..ViewState::default() });
        }
    }
    seq
}

/// What the kiosk should do after a tick.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KioskAction {
    Nothing,
    /// Show step `n` of the attract sequence.
    Show(usize),
}

/// Idle time and attract-loop position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KioskClock {
    idle_seconds: u32,
    /// The step shown, while the loop runs.
    step: Option<usize>,
    seconds_on_step: u32,
}

impl KioskClock {
    /// True while the attract loop runs.
    pub fn attracting(&self) -> bool {
        self.step.is_some()
    }

    /// One second passed. Starts the loop after `idle_limit` idle seconds and
    /// advances it every `step_seconds`, wrapping around `len` steps.
    pub fn tick(&mut self, idle_limit: u32, step_seconds: u32, len: usize) -> KioskAction {
        if len == 0 {
            return KioskAction::Nothing;
        }
        match self.step {
            None => {
                self.idle_seconds = self.idle_seconds.saturating_add(1);
                if self.idle_seconds >= idle_limit {
                    self.step = Some(0);
                    self.seconds_on_step = 0;
                    KioskAction::Show(0)
                } else {
                    KioskAction::Nothing
                }
            }
            Some(step) => {
                self.seconds_on_step += 1;
                if self.seconds_on_step >= step_seconds.max(1) {
                    let next = (step + 1) % len;
                    self.step = Some(next);
                    self.seconds_on_step = 0;
                    KioskAction::Show(next)
                } else {
                    KioskAction::Nothing
                }
            }
        }
    }

    /// The user touched the screen: stop the loop and restart the idle count.
    /// Returns true if a loop was running.
    pub fn input(&mut self) -> bool {
        let was = self.attracting();
        *self = KioskClock::default();
        was
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loop_starts_after_the_idle_time_and_steps_around() {
        let mut c = KioskClock::default();
        assert_eq!(c.tick(3, 2, 3), KioskAction::Nothing);
        assert_eq!(c.tick(3, 2, 3), KioskAction::Nothing);
        assert_eq!(c.tick(3, 2, 3), KioskAction::Show(0));
        assert!(c.attracting());
        assert_eq!(c.tick(3, 2, 3), KioskAction::Nothing);
        assert_eq!(c.tick(3, 2, 3), KioskAction::Show(1));
        c.tick(3, 2, 3);
        assert_eq!(c.tick(3, 2, 3), KioskAction::Show(2));
        c.tick(3, 2, 3);
        assert_eq!(c.tick(3, 2, 3), KioskAction::Show(0), "wraps around");
    }

    #[test]
    fn input_stops_the_loop_and_restarts_the_idle_count() {
        let mut c = KioskClock::default();
        for _ in 0..5 {
            c.tick(2, 1, 4);
        }
        assert!(c.input());
        assert!(!c.attracting());
        assert_eq!(c.tick(2, 1, 4), KioskAction::Nothing);
        assert!(!c.input(), "input while idle reports no running loop");
    }

    #[test]
    fn a_day_of_ticks_keeps_the_clock_bounded() {
        let mut c = KioskClock::default();
        for _ in 0..86_400 {
            c.tick(60, 8, 29);
        }
        assert!(c.attracting());
        assert!(c.seconds_on_step < 8);
    }

    #[test]
    fn an_empty_sequence_never_starts() {
        let mut c = KioskClock::default();
        for _ in 0..10 {
            assert_eq!(c.tick(1, 1, 0), KioskAction::Nothing);
        }
    }
}
