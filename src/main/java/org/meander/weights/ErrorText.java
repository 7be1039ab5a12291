package org.meander.weights;

import java.io.EOFException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * An error as a person reads it. Most messages in Meander already name the file and say what to do; Java's own
 * file errors do not: a missing file's message is its path alone, which reads as no error at all.
 */
public final class ErrorText {

    private ErrorText() {
    }

    public static String of(Throwable error) {
        if (error instanceof FileSystemException file && file.getReason() == null) {
            String other = file.getOtherFile() == null ? "" : " (to " + file.getOtherFile() + ")";
            return file.getFile() + other + ": " + whatHappened(file);
        }
        if (error instanceof EOFException && error.getMessage() == null) {
            return "the file ends before its data does: it was cut short or is damaged";
        }
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    private static String whatHappened(FileSystemException error) {
        if (error instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (error instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (error instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (error instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (error instanceof DirectoryNotEmptyException) {
            return "a folder that is not empty";
        }
        return error.getClass().getSimpleName();
    }
}
