-- The STANDARD plan is gone: unmapped SKUs now get BASIC. Existing workspaces keep the notes limit they had.
UPDATE demo_workspace SET plan = 'BASIC' WHERE plan = 'STANDARD';
