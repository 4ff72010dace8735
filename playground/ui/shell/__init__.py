"""The shell: main window, workspace navigation, run controls, status, menus, Learn, tour; imports everything."""
