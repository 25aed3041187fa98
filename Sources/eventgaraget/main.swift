import App

EventGaragetCommand.runFromCommandLine()
